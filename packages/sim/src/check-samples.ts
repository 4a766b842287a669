import { SnnError } from '@snn/ir';

/** What {@link checkSamples} checks samples against, and how its errors read. */
export interface SampleSpec {
  /** What the values are, as the error says it (e.g. `input 'image'`, `images`). */
  readonly what: string;
  /** The input's shape per sample (e.g. `[28, 28, 1]`). */
  readonly shape: readonly number[];
  /** Error code of a failed check (e.g. `SIM_BAD_INPUT`). */
  readonly code: string;
  /** Samples the caller expects (e.g. one per label); default: any positive whole number. */
  readonly samples?: number;
  /** Steps per sample when the values are given per step (default 1). */
  readonly steps?: number;
}

/**
 * Check that `values` are samples of an input: a `Float32Array` (not another typed array
 * or a plain array), a whole positive number of samples of `shape` (the expected count, if
 * given), every value finite. Returns the number of samples; throws an SnnError with
 * `spec.code` saying which type, size or value was expected and which was given.
 */
export function checkSamples(values: unknown, spec: SampleSpec): number {
  const { what, code } = spec;
  const size = spec.shape.reduce((a, b) => a * b, 1);
  const steps = spec.steps ?? 1;
  const per = size * steps;
  const layout = `(samples${steps > 1 ? ` x ${steps} steps` : ''} x ${spec.shape.join(' x ') || '1'})`;
  if (!(values instanceof Float32Array)) {
    const given = typeName(values);
    const length = (values as { length?: unknown } | null)?.length;
    const convert = ArrayBuffer.isView(values) || Array.isArray(values) ? `; convert it with Float32Array.from(...)${values instanceof Uint8Array || values instanceof Uint8ClampedArray ? ' (pixels scaled to 0..1, e.g. x / 255)' : ''}` : '';
    throw new SnnError(code, `${what} must be a Float32Array ${layout}; got ${given}${typeof length === 'number' ? ` of ${length} values` : ''}${convert}`, { where: what });
  }
  const n = values.length / per;
  if (values.length === 0) throw new SnnError(code, `${what} is empty; give at least one sample ${layout}`, { where: what });
  if (spec.samples !== undefined && values.length !== spec.samples * per) {
    const each = values.length / spec.samples;
    const hint = Number.isInteger(each) ? `: ${each} values per sample where ${per} are expected (${describeSize(each, spec.shape)})` : '';
    throw new SnnError(code, `${what} has ${values.length} values, not ${spec.samples} samples of ${per} ${layout}${hint}`, { where: what });
  }
  if (!Number.isInteger(n)) throw new SnnError(code, `${what} has ${values.length} values, which is not a whole number of samples of ${per} values ${layout}`, { where: what });
  const bad = firstNonFinite(values);
  if (bad >= 0) {
    throw new SnnError(code, `${what} holds ${values[bad]} at sample ${Math.floor(bad / per)}, value ${bad % per} (index ${bad}); inputs must be finite numbers (replace or drop that sample)`, { where: what });
  }
  return n;
}

/** The values of one entry of `SimInputs`, and whether they are given per step (`{ data, perStep: true }`). */
export function inputValues(given: unknown): { readonly values: unknown; readonly perStep: boolean } {
  const perStep = typeof given === 'object' && given !== null && !ArrayBuffer.isView(given) && !Array.isArray(given) && (given as { perStep?: unknown }).perStep === true;
  return { values: perStep ? (given as { data?: unknown }).data : given, perStep };
}

/** Check `labels` against `samples` samples and `classes` classes: one whole number in 0..classes-1 per sample. */
export function checkLabels(labels: ArrayLike<number>, samples: number, classes: number, code: string, what = 'labels'): void {
  if (typeof (labels as { length?: unknown } | null)?.length !== 'number' || typeof labels === 'string') {
    throw new SnnError(code, `${what} must be an array of class indices (e.g. Uint8Array), one per sample; got ${typeName(labels)}`, { where: what });
  }
  if (labels.length !== samples) throw new SnnError(code, `got ${labels.length} ${what} for ${samples} samples; give one label per sample`, { where: what });
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i];
    if (!Number.isInteger(label) || label < 0 || label >= classes) {
      throw new SnnError(code, `${what}[${i}] is ${label}; a label must be a class index from 0 to ${classes - 1}`, { where: what });
    }
  }
}

/** Index of the first NaN or infinite value of `values`, or -1. */
export function firstNonFinite(values: ArrayLike<number>): number {
  for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i])) return i;
  return -1;
}

/** The type of `value` as a message says it: `Uint8Array`, `Array`, `undefined`, `number`. */
function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value !== 'object') return typeof value;
  return (value as object).constructor?.name ?? 'object';
}

/** Why `each` values per sample miss `shape`: a likely channel or image-size mix-up. */
function describeSize(each: number, shape: readonly number[]): string {
  const channels = shape.length === 3 ? shape[2] : undefined;
  const pixels = shape.length === 3 ? shape[0] * shape[1] : undefined;
  if (pixels !== undefined && each % pixels === 0) return `${each / pixels} channels per pixel given, ${channels} expected`;
  if (channels !== undefined && each % channels === 0 && Number.isInteger(Math.sqrt(each / channels))) {
    const side = Math.sqrt(each / channels);
    return `images of ${side} x ${side} given, ${shape[0]} x ${shape[1]} expected`;
  }
  return `shape ${shape.join(' x ')}`;
}
