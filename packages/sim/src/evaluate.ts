import { SnnError } from '@snn/ir';
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
  const prediction = predict(sim, inputs, options);
  if (prediction.labels.length !== labels.length)
    throw new SnnError('SIM_BAD_LABELS', `got ${labels.length} labels for ${prediction.labels.length} samples; give one label per sample`);
  let correct = 0;
  for (let i = 0; i < labels.length; i++) if (prediction.labels[i] === labels[i]) correct++;
  return { accuracy: correct / labels.length, prediction };
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
