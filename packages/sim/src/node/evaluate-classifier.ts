import { inferShapes, SnnError, type Graph, type Shape, type SynapseSpec } from '@snn/ir';
import { createNeuronRegistry } from '@snn/neurons';
import { createSynapseRegistry } from '@snn/synapses';
import { accuracyOverTime, type Readout } from '../accuracy-over-time.js';
import { initBackend } from '../backend/init.js';
import { classifierOutput } from '../classifier-output.js';
import { argmaxRows } from '../evaluate.js';
import { checkLabels, checkSamples } from '../check-samples.js';
import type { NeuronLookup, SimMode, SynapseLookup } from '../options.js';
import { runParallel } from './run-parallel.js';

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
  /** Output node id or Keras layer name to classify with (default: the last output with `classes` values). */
  readonly output?: string;
  /** Input node the samples feed (default: the graph's one input). */
  readonly input?: string;
  /** Classes (default 10). */
  readonly classes?: number;
  /** Neuron and synapse types (default: the built-in ones). */
  readonly registries?: { readonly neurons: NeuronLookup; readonly synapses: SynapseLookup };
  /** For types that are not built in: the module worker threads load their registries from (see `ParallelOptions`). */
  readonly registryModule?: string;
  /** A synaptic filter on the output probe (e.g. NengoDL's 0.1 s lowpass on a spiking network's output); default none. */
  readonly outputSynapse?: SynapseSpec;
  readonly onProgress?: (done: number, total: number) => void;
}

/** One neuron layer's activity in an evaluation. */
export interface LayerActivity {
  readonly node: string;
  readonly neurons: number;
  /** Mean firing rate over neurons, images and steps (Hz). */
  readonly firingRateHz: number;
  /** Firing rate of the most active neuron, averaged over images and steps (Hz). */
  readonly maxRateHz: number;
  /** Each neuron's firing rate averaged over images and steps (Hz). */
  readonly perNeuronHz: Float32Array;
  /** Synaptic operations its spikes caused, summed over the run. */
  readonly synops: number;
}

/** What {@link evaluateClassifier} measures. */
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
 * Classify `samples` (n x input size, C order) with `graph`: they feed the input node, run
 * through the simulator split across worker threads (`runParallel`), and are read at the
 * classifier output (last step, the mean of all steps, or the mean of the last K steps).
 * Reports the accuracy (also after every step with `curve`), each neuron layer's mean and
 * maximum firing rate and its synaptic operations.
 */
export async function evaluateClassifier(graph: Graph, samples: Float32Array, labels: Uint8Array, settings: EvaluationSettings): Promise<Evaluation> {
  const shapes = inferShapes(graph);
  const classes = settings.classes ?? 10;
  checkLabels(labels, (labels as { length?: number } | null)?.length ?? 0, classes, 'SIM_BAD_ARGUMENT');
  const inputId = classifierInput(graph, shapes, samples, labels.length, settings.input);
  const output = classifierOutput(graph, shapes, classes, settings.output);
  // the main thread only compiles (to report graph errors) when workers do the running
  await initBackend({ threads: settings.workers > 1 ? 1 : 2 });
  const options = {
    neurons: settings.registries?.neurons ?? createNeuronRegistry(),
    synapses: settings.registries?.synapses ?? createSynapseRegistry(),
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
    { [inputId]: samples },
    { nSteps: settings.steps, probes: { out: { node: output, keep, ...(settings.outputSynapse ? { synapse: settings.outputSynapse } : {}) } }, ...(settings.onProgress ? { onProgress: settings.onProgress } : {}) },
    { workers: settings.workers, ...(settings.registryModule !== undefined ? { registryModule: settings.registryModule } : {}) },
  );
  const seconds = (performance.now() - start) / 1000;
  const accuracyByStep = settings.curve ? accuracyOverTime(run.probes.out.data, labels, settings.steps, classes, settings.readout ?? 'last') : undefined;
  const predicted = settings.curve ? finalPredictions(run.probes.out.data, settings.steps, meanLast ?? 1, classes) : argmaxRows(run.probes.out.data, classes);
  let correct = 0;
  for (let i = 0; i < labels.length; i++) if (predicted[i] === labels[i]) correct++;
  const layers = graph.nodes
    .filter((n) => n.kind === 'neurons' && run.stats[n.id] !== undefined)
    .map((n) => ({
      node: n.id,
      neurons: (shapes.get(n.id) ?? []).reduce((a, b) => a * b, 1),
      firingRateHz: run.stats[n.id].firingRateHz,
      maxRateHz: maxOf(run.stats[n.id].perNeuronHz),
      perNeuronHz: run.stats[n.id].perNeuronHz,
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

/** Predictions from a keep-all run (samples x steps x classes): argmax of the mean of the last `k` steps. */
function finalPredictions(all: Float32Array, steps: number, k: number, classes: number): Int32Array {
  const samples = all.length / (steps * classes);
  const means = new Float32Array(samples * classes);
  for (let s = 0; s < samples; s++) {
    for (let t = steps - k; t < steps; t++) for (let j = 0; j < classes; j++) means[s * classes + j] += all[(s * steps + t) * classes + j];
  }
  return argmaxRows(means, classes);
}

function maxOf(values: Float32Array): number {
  let max = 0;
  for (let i = 0; i < values.length; i++) if (values[i] > max) max = values[i];
  return max;
}

/** The input node the samples feed: `wanted`, or the graph's only input; `samples` must be one Float32Array sample of it per label. */
function classifierInput(graph: Graph, shapes: ReadonlyMap<string, Shape>, samples: unknown, count: number, wanted?: string): string {
  const inputs = graph.nodes.filter((n) => n.kind === 'input').map((n) => n.id);
  if (wanted !== undefined && !inputs.includes(wanted)) throw new SnnError('SIM_BAD_ARGUMENT', `input '${wanted}' is not an input of the graph; its inputs: ${inputs.join(', ') || 'none'}`, { where: wanted });
  if (wanted === undefined && inputs.length !== 1) throw new SnnError('SIM_BAD_ARGUMENT', `the graph has ${inputs.length} inputs (${inputs.join(', ') || 'none'}); name the one the samples feed`);
  const id = wanted ?? inputs[0];
  checkSamples(samples, { what: `samples for input '${id}'`, shape: shapes.get(id) ?? [], code: 'SIM_BAD_ARGUMENT', samples: count });
  return id;
}
