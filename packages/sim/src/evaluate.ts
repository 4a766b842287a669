import { inferShapes, SnnError } from '@snn/ir';
import { checkLabels, checkSamples, inputValues } from './check-samples.js';
import type { SynapseSpec } from "@snn/ir";
import type { RunResult, SimInputs } from './options.js';
import type { Simulator } from './simulator.js';

/** Options of {@link predict} and {@link evaluate}. */
export interface PredictOptions {
  /** Steps per sample (default 1). */
  readonly nSteps?: number;
  /** Output node to read (default: the graph's first output). */
  readonly output?: string;
  /** Read the mean of the last k steps instead of the last step only. */
  readonly meanLast?: number;
  /** Synapse on the output probe (e.g. a 0.1 s lowpass), delaying by one step. */
  readonly synapse?: SynapseSpec;
  /** Progress callback (samples done, total). */
  readonly onProgress?: (done: number, total: number) => void;
}

/** Output of {@link predict}: the read-out per sample plus the run's activity statistics. */
export interface Prediction {
  /** (samples x output size): the last step, or the mean of the last k steps. */
  readonly outputs: Float32Array;
  /** Output size per sample. */
  readonly size: number;
  /** argmax of each sample's output. */
  readonly labels: Int32Array;
  readonly run: RunResult;
}

/** Simulate and read one output per sample (last step or mean of the last k steps). */
export function predict(sim: Simulator, inputs: SimInputs, options: PredictOptions = {}): Prediction {
  const output = options.output ?? sim.outputIds[0];
  if (!output) throw new SnnError('SIM_NO_OUTPUT', 'the graph has no output node; add one with GraphBuilder.output()');
  const keep = options.meanLast ? { meanLast: options.meanLast } : ('last' as const);
  const run = sim.run(inputs, {
    nSteps: options.nSteps,
    probes: { out: { node: output, keep, synapse: options.synapse } },
    onProgress: options.onProgress,
  });
  const probe = run.probes.out;
  const size = probe.shape.slice(2).reduce((a, b) => a * b, 1);
  const labels = argmaxRows(probe.data, size);
  return { outputs: probe.data, size, labels, run };
}

/** Classification accuracy (0..1) of `predict` against integer labels, plus the prediction. */
export function evaluate(
  sim: Simulator,
  inputs: SimInputs,
  labels: ArrayLike<number>,
  options: PredictOptions = {},
): { accuracy: number; prediction: Prediction } {
  // labels are checked before the (possibly long) run: one class index per sample
  const output = options.output ?? sim.outputIds[0];
  const shapes = output ? inferShapes(sim.graph) : undefined;
  const classes = (shapes?.get(output) ?? []).reduce((a, b) => a * b, 1);
  checkLabels(labels, sampleCount(sim, inputs, options.nSteps ?? 1, (labels as { length?: number } | null)?.length), classes, 'SIM_BAD_LABELS');
  const prediction = predict(sim, inputs, options);
  let correct = 0;
  for (let i = 0; i < labels.length; i++) if (prediction.labels[i] === labels[i]) correct++;
  return { accuracy: correct / labels.length, prediction };
}

/** Samples in `inputs`: the first input's, checked as a run checks it, and against `expected` samples when it divides them evenly. */
function sampleCount(sim: Simulator, inputs: SimInputs, nSteps: number, expected: number | undefined): number {
  const node = sim.graph.nodes.find((n) => n.kind === 'input');
  if (!node) return sim.run(inputs, { nSteps }).samples; // no inputs: nothing to check, the run is cheap
  if (!inputs[node.id]) throw new SnnError('SIM_MISSING_INPUT', `no data for input node '${node.id}'; pass inputs as { '${node.id}': Float32Array(samples x ${node.shape.join(' x ')}) }`, { where: node.id });
  const { values, perStep } = inputValues(inputs[node.id]);
  const spec = { what: `input '${node.id}'${perStep ? ' (per step)' : ''}`, shape: node.shape, code: 'SIM_BAD_INPUT', steps: perStep ? nSteps : 1 };
  // values that are not whole samples, or a whole multiple of the labels' count (three channels where
  // one is expected), are a size mix-up: say so against the labels; other counts are a label miscount
  const n = values instanceof Float32Array ? values.length / (node.shape.reduce((a, b) => a * b, 1) * spec.steps) : 0;
  const sizeMixUp = expected !== undefined && expected > 0 && (!Number.isInteger(n) || (n > expected && n % expected === 0));
  return checkSamples(values, sizeMixUp ? { ...spec, samples: expected } : spec);
}

/** Index of the largest value in each row of a (rows x size) array. */
export function argmaxRows(data: Float32Array, size: number): Int32Array {
  const rows = data.length / size;
  const out = new Int32Array(rows);
  for (let r = 0; r < rows; r++) {
    let best = 0;
    for (let j = 1; j < size; j++) if (data[r * size + j] > data[r * size + best]) best = j;
    out[r] = best;
  }
  return out;
}
