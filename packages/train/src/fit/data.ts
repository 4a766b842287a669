import { SnnError } from '@snn/ir';
import { firstNonFinite } from '@snn/sim';

/** A batch-major array: `data` in C order with `shape` `[batch, ...]`, or NengoDL's `[batch, 1, ...]` (one step). */
export interface ArrayData {
  readonly data: ArrayLike<number>;
  readonly shape: readonly number[];
}

/** One array of data: shaped, or a flat typed array whose batch size follows from the node's size. */
export type DataArray = ArrayData | Float32Array | Float64Array | Int32Array | Uint8Array;

/** Data by node id (input node ids for inputs, probe node ids for targets). */
export type DataMap = Readonly<Record<string, DataArray>>;

/** A data array checked against its node: `count` samples of `perSample` values each. */
export interface Columns {
  readonly data: Float32Array;
  readonly count: number;
  readonly perSample: number;
}

/**
 * Check `value` against a node of `size` values per sample and return it as float32
 * columns. Accepts `(batch, ...)` with `size` values per sample, NengoDL's
 * `(batch, 1, ...)`, or a flat array. More than one step per sample is an error: training
 * and evaluation here run the rate-mode graph for one step.
 */
export function toColumns(value: DataArray, size: number, what: string): Columns {
  if (typeof value !== 'object' || value === null || !(ArrayBuffer.isView(value) || Array.isArray(value) || ('data' in value && 'shape' in value))) {
    throw new SnnError('TRAIN_BAD_DATA', `${what} must be an array of numbers (e.g. Float32Array (batch x ${size})) or { data, shape }; got ${value === null ? 'null' : typeof value === 'object' ? (value as object).constructor?.name ?? 'object' : typeof value}`, { where: what });
  }
  const shaped = 'shape' in value && !ArrayBuffer.isView(value);
  const data = shaped ? (value as ArrayData).data : (value as ArrayLike<number>);
  const shape = shaped ? (value as ArrayData).shape : [Math.floor(data.length / size), size];
  const count = shape[0];
  const perSample = shape.slice(1).reduce((a, b) => a * b, 1);
  if (data.length !== count * perSample || (!shaped && data.length % size !== 0)) {
    throw new SnnError('TRAIN_BAD_DATA', `${what}: ${data.length} values do not fill shape (${shape.join(', ')}) with ${size} values per sample`, { where: what });
  }
  if (perSample !== size) {
    const steps = shape.length >= 3 && perSample === shape[1] * size ? shape[1] : undefined;
    const why = steps
      ? `has ${steps} steps per sample, but training here runs one step (rate mode); pass (batch, 1, ${size}) or (batch, ${size})`
      : `has ${perSample} values per sample (shape ${JSON.stringify(shape)}) but the node has ${size}`;
    throw new SnnError('TRAIN_BAD_DATA', `${what} ${why}`, { where: what });
  }
  if (count === 0) throw new SnnError('TRAIN_BAD_DATA', `${what} is empty; give at least one sample of ${size} values`, { where: what });
  const bad = firstNonFinite(data);
  if (bad >= 0) {
    throw new SnnError('TRAIN_BAD_DATA', `${what} holds ${data[bad]} at sample ${Math.floor(bad / size)}, value ${bad % size} (index ${bad}); data must be finite numbers (replace or drop that sample)`, { where: what });
  }
  return { data: data instanceof Float32Array ? data : Float32Array.from(data), count, perSample };
}

/** Copy the samples `indices` of `cols` into `out` (length `indices.length * perSample`). */
export function gatherRows(cols: Columns, indices: ArrayLike<number>, out: Float32Array): Float32Array {
  const { data, perSample } = cols;
  for (let r = 0; r < indices.length; r++) {
    const from = indices[r] * perSample;
    out.set(data.subarray(from, from + perSample), r * perSample);
  }
  return out;
}
