import { SnnError } from '@snn/ir';

/**
 * Stable codes of the errors `@snn/keras-import` raises, each with what it means. Programs
 * branch on these (`isSnnError(e, 'KERAS_MISSING_WEIGHT')`); people read the message.
 */
export const kerasErrorCodes = {
  KERAS_UNKNOWN_FORMAT: 'the bytes are not HDF5, a zip archive (.keras) or JSON (TensorFlow.js model.json)',
  KERAS_TRUNCATED: 'the file ends before its own header says it does (partial download or copy)',
  KERAS_CORRUPT: 'the file has the right signature but cannot be read (damaged HDF5, zip or JSON)',
  KERAS_MISSING_CONFIG: 'the file holds weights but no architecture; pass the architecture JSON as well',
  KERAS_BAD_CONFIG: 'the model configuration (JSON written by Keras) lacks a field or has a wrong value',
  KERAS_MISSING_WEIGHT: 'a layer needs a weight array the file does not have',
  KERAS_WEIGHT_SHAPE: 'a weight array has a shape that does not fit its layer',
  KERAS_NONFINITE_WEIGHT: 'a weight array holds NaN or infinite values',
  KERAS_MISSING_SHARD: 'a TensorFlow.js weight shard named in model.json was not given or is too short',
  KERAS_UNSUPPORTED_LAYER: 'no converter is registered for a Keras layer class',
  KERAS_UNSUPPORTED_OPTION: 'a layer uses an option (activation, padding, dilation ...) the conversion cannot represent',
  KERAS_INPUT_SHAPE: 'the model does not declare its input shape and it cannot be inferred',
  KERAS_SHARED_LAYER: 'a layer with weights is applied more than once',
  KERAS_BAD_OPTION: 'an import or conversion option is invalid (unknown layer name, bad number ...)',
  KERAS_DUPLICATE_CONVERTER: 'a layer converter is registered twice under one class name',
  KERAS_VERIFY_MISMATCH: 'the converted graph does not compute what the reference computes',
} as const;

/** One of the codes in {@link kerasErrorCodes}. */
export type KerasErrorCode = keyof typeof kerasErrorCodes;

/** Build an {@link SnnError} with a Keras-import code; `where` names the file, layer or option at fault. */
export function kerasError(code: KerasErrorCode, where: string | undefined, message: string, cause?: unknown): SnnError {
  return new SnnError(code, message, { where, cause });
}

/** A short single-line rendering of a config value for messages. */
export function show(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return `'${value}'`;
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    // too deeply nested (or cyclic) to print: say what it is
    text = Array.isArray(value) ? `[a list nested too deeply to show]` : `{an object nested too deeply to show}`;
  }
  return text.length > 80 ? text.slice(0, 80) + '…' : text;
}
