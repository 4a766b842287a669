import { inferShapes, type Graph } from '@snn/ir';
import { createNeuronRegistry } from '@snn/neurons';
import { createSynapseRegistry } from '@snn/synapses';
import { accuracyOverTime, argmaxRows, initBackend, type Readout, type SimMode } from '@snn/sim';
import { runParallel } from '@snn/sim/node';
import { classifierOutput } from './model-output.js';
import { mnistInput } from './mnist-input.js';

/** How to simulate for an evaluation. */
export interface EvaluationSettings {
  readonly mode: SimMode;
  /** Time steps per image. */
  readonly steps: number;
  /** How the output over time becomes a prediction: its last step (default) or its mean over all steps. */
  readonly readout?: Readout;
  /** Read the mean of the output's last K steps instead of its last step (overrides `readout`). */
  readonly meanLast?: number;
  /** Also measure the accuracy after every step 1..steps (one run, the output kept at every step). */
  readonly curve?: boolean;
  /** Worker threads the images are split across. */
  readonly workers: number;
  readonly batchSize?: number;
  readonly seed?: number;
  /** Arithmetic of spiking neuron steps (the simulator's `precision`; default float64). */
  readonly precision?: 'float32' | 'float64';
  /** Time step in seconds (default 0.001). */
  readonly dt?: number;
  /** Output node id or Keras layer name to classify with (default: the 10-way output). */
  readonly output?: string;
  readonly onProgress?: (done: number, total: number) => void;
}

/** One neuron layer's activity in an evaluation. */
export interface LayerActivity {
  readonly node: string;
  readonly neurons: number;
  /** Mean firing rate over neurons, images and steps (Hz). */
  readonly firingRateHz: number;
  /** Synaptic operations its spikes caused, summed over the run. */
  readonly synops: number;
}

/** What {@link evaluateOnImages} measures. */
export interface Evaluation {
  /** Fraction of images classified correctly (0..1). */
  readonly accuracy: number;
  readonly correct: number;
  readonly images: number;
  readonly steps: number;
  readonly mode: SimMode;
  /** The output node classified with. */
  readonly output: string;
  /** Predicted class per image. */
  readonly predicted: Int32Array;
  /** With `curve`: accuracy (0..1) after T = 1..steps steps, index T - 1, with the same readout. */
  readonly accuracyByStep?: Float64Array;
  readonly layers: readonly LayerActivity[];
  /** Total synaptic operations of the run. */
  readonly synops: number;
  /** Wall-clock seconds of the simulation. */
  readonly seconds: number;
  readonly warnings: readonly string[];
}

/**
 * Classify `images` (n x 784, MNIST layout) with `graph`: the images feed the graph's one
 * input (see `mnistInput`), run through `@snn/sim` split across worker threads, and are
 * read at the classifier output (last step, or the mean of the last K steps).
 */
export async function evaluateOnImages(graph: Graph, images: Float32Array, labels: Uint8Array, settings: EvaluationSettings): Promise<Evaluation> {
  const shapes = inferShapes(graph);
  const { inputId } = mnistInput(graph, shapes);
  const output = classifierOutput(graph, shapes, 10, settings.output);
  // the main thread only compiles (to report graph errors) when workers do the running
  await initBackend({ threads: settings.workers > 1 ? 1 : 2 });
  const options = {
    neurons: createNeuronRegistry(),
    synapses: createSynapseRegistry(),
    mode: settings.mode,
    ...(settings.batchSize !== undefined ? { batchSize: settings.batchSize } : {}),
    ...(settings.seed !== undefined ? { seed: settings.seed } : {}),
    ...(settings.precision !== undefined ? { precision: settings.precision } : {}),
    ...(settings.dt !== undefined ? { dt: settings.dt } : {}),
  };
  const meanLast = settings.meanLast ?? (settings.readout === 'mean' ? settings.steps : undefined);
  const keep = settings.curve ? ('all' as const) : meanLast !== undefined && meanLast > 1 ? { meanLast } : ('last' as const);
  const start = performance.now();
  const run = await runParallel(
    graph,
    options,
    { [inputId]: images },
    { nSteps: settings.steps, probes: { out: { node: output, keep } }, ...(settings.onProgress ? { onProgress: settings.onProgress } : {}) },
    { workers: settings.workers },
  );
  const seconds = (performance.now() - start) / 1000;
  const accuracyByStep = settings.curve ? accuracyOverTime(run.probes.out.data, labels, settings.steps, 10, settings.readout ?? 'last') : undefined;
  const predicted = settings.curve ? finalPredictions(run.probes.out.data, settings.steps, meanLast ?? 1) : argmaxRows(run.probes.out.data, 10);
  let correct = 0;
  for (let i = 0; i < labels.length; i++) if (predicted[i] === labels[i]) correct++;
  const layers = graph.nodes
    .filter((n) => n.kind === 'neurons' && run.stats[n.id] !== undefined)
    .map((n) => ({
      node: n.id,
      neurons: (shapes.get(n.id) ?? []).reduce((a, b) => a * b, 1),
      firingRateHz: run.stats[n.id].firingRateHz,
      synops: run.stats[n.id].synops,
    }));
  return {
    accuracy: labels.length > 0 ? correct / labels.length : 0,
    correct,
    images: labels.length,
    steps: settings.steps,
    mode: settings.mode,
    output,
    predicted,
    ...(accuracyByStep ? { accuracyByStep } : {}),
    layers,
    synops: run.synops,
    seconds,
    warnings: run.warnings,
  };
}

/** Predictions from a keep-all run (samples x steps x 10): argmax of the mean of the last `k` steps. */
function finalPredictions(all: Float32Array, steps: number, k: number): Int32Array {
  const samples = all.length / (steps * 10);
  const means = new Float32Array(samples * 10);
  for (let s = 0; s < samples; s++) {
    for (let t = steps - k; t < steps; t++) for (let j = 0; j < 10; j++) means[s * 10 + j] += all[(s * steps + t) * 10 + j];
  }
  return argmaxRows(means, 10);
}
