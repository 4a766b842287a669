import type { Graph } from '@snn/ir';
import type { NeuronRegistry } from '@snn/neurons';
import { kerasError } from './errors.js';
import { compileReference } from './testing/reference-forward.js';

/**
 * A rate-mode runner for a graph (e.g. `@snn/sim`'s compile + run with one step): inputs
 * batch-major by input node id, outputs batch-major by output node id.
 */
export type RunGraph = (
  graph: Graph,
  inputs: Readonly<Record<string, Float32Array>>,
  batch: number,
) => Readonly<Record<string, ArrayLike<number>>> | Promise<Readonly<Record<string, ArrayLike<number>>>>;

/** Options of {@link verify} (NengoDL `Converter.verify`, spec §5.5). */
export interface VerifyOptions {
  /** Inputs, batch-major, by input node id. Default: ones, batch 2 (as NengoDL). */
  readonly inputs?: Readonly<Record<string, Float32Array>>;
  /** Batch size of `inputs` (default 2, or inferred from `inputs`). */
  readonly batch?: number;
  /** What the outputs must equal (e.g. Keras' own outputs), by output node id; default: the float64 reference forward pass. */
  readonly expected?: Readonly<Record<string, ArrayLike<number>>>;
  /** Absolute tolerance (default 1e-8). */
  readonly atol?: number;
  /** Relative tolerance (default 1e-5). */
  readonly rtol?: number;
  /** Neuron types for the reference pass (default: built-ins). */
  readonly neuronTypes?: NeuronRegistry;
}

/** How closely the checked outputs agreed. */
export interface VerifyReport {
  /** Largest `|expected - actual|`. */
  readonly maxAbsDiff: number;
  /** Largest `|expected - actual| / |actual|` over elements with nonzero `actual`. */
  readonly maxRelDiff: number;
  /** Number of output elements compared. */
  readonly checked: number;
}

/**
 * Check that `run` (a simulator in rate mode) computes what the graph means: its outputs
 * must equal `expected` (or the float64 reference forward pass) element-wise within
 * `|expected - actual| <= atol + rtol * |actual|`. Without `run`, checks the reference
 * forward pass itself against `expected` (an importer check). Throws
 * `KERAS_VERIFY_MISMATCH` with the largest difference on failure.
 */
export async function verify(graph: Graph, run: RunGraph | undefined, options: VerifyOptions = {}): Promise<VerifyReport> {
  const reference = compileReference(graph, options.neuronTypes);
  const batch = options.batch ?? inferBatch(options.inputs, reference.inputs) ?? 2;
  const inputs: Record<string, Float32Array> = {};
  for (const { id, size } of reference.inputs) inputs[id] = options.inputs?.[id] ?? new Float32Array(batch * size).fill(1);
  if (run === undefined && options.expected === undefined) {
    throw kerasError('KERAS_BAD_OPTION', 'verify', 'verify: give a runner (e.g. the simulator in rate mode), expected outputs, or both; there is nothing to compare');
  }
  const refOut = (): Record<string, Float64Array> => {
    const outs: Record<string, Float64Array> = {};
    for (const { id, size } of reference.outputs) outs[id] = new Float64Array(batch * size);
    for (let b = 0; b < batch; b++) {
      const one: Record<string, Float32Array> = {};
      for (const { id, size } of reference.inputs) one[id] = inputs[id].subarray(b * size, (b + 1) * size);
      const r = reference.run(one);
      for (const { id, size } of reference.outputs) outs[id].set(r[id], b * size);
    }
    return outs;
  };
  const expected = options.expected ?? refOut();
  const actual = run ? await run(graph, inputs, batch) : refOut();
  const atol = options.atol ?? 1e-8;
  const rtol = options.rtol ?? 1e-5;
  let maxAbs = 0;
  let maxRel = 0;
  let checked = 0;
  let failures = 0;
  let worst = '';
  for (const { id, size } of reference.outputs) {
    const e = expected[id];
    const a = actual[id];
    if (e === undefined || a === undefined || e.length !== batch * size || a.length !== batch * size) {
      throw kerasError('KERAS_VERIFY_MISMATCH', id, `verify: output '${id}' needs ${batch * size} values (batch ${batch} x ${size}); got ${e?.length ?? 'none'} expected and ${a?.length ?? 'none'} actual`);
    }
    for (let i = 0; i < a.length; i++) {
      const d = Math.abs(e[i] - a[i]);
      checked++;
      if (d > maxAbs) maxAbs = d;
      if (a[i] !== 0) maxRel = Math.max(maxRel, d / Math.abs(a[i]));
      if (!(d <= atol + rtol * Math.abs(a[i]))) {
        if (failures === 0) worst = `first at output '${id}' element ${i}: expected ${e[i]}, got ${a[i]}`;
        failures++;
      }
    }
  }
  if (failures > 0) {
    throw kerasError(
      'KERAS_VERIFY_MISMATCH',
      'verify',
      `Output of Keras model does not match output of converted network (max difference=${maxAbs.toExponential(2).toUpperCase()}; ${failures} of ${checked} values outside atol=${atol}, rtol=${rtol}; ${worst})`,
    );
  }
  return { maxAbsDiff: maxAbs, maxRelDiff: maxRel, checked };
}

function inferBatch(inputs: Readonly<Record<string, Float32Array>> | undefined, specs: readonly { id: string; size: number }[]): number | undefined {
  if (!inputs) return undefined;
  for (const { id, size } of specs) if (inputs[id]) return inputs[id].length / size;
  return undefined;
}
