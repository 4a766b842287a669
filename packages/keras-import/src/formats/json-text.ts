import { kerasError } from '../errors.js';
import type { KerasModelJson } from '../wire/types.js';
import { utf8 } from './sniff.js';

/** Parse JSON text, throwing `KERAS_CORRUPT` that names `where` and the parse problem. */
export function parseJson(text: string, where: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    const hint = text.trim().length === 0 ? 'it is empty' : `it is not valid JSON (${detail})`;
    throw kerasError('KERAS_CORRUPT', where, `${where}: cannot read the ${what}: ${hint}; the file is damaged or truncated — write it again`, cause);
  }
}

/** Check that `value` is a Keras model JSON (`{ class_name, config }`), else throw `KERAS_BAD_CONFIG`. */
export function asModelJson(value: unknown, where: string): KerasModelJson {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const obj = value as Record<string, unknown>;
    if (typeof obj.class_name === 'string' && 'config' in obj) return obj as unknown as KerasModelJson;
    // `{ model_config: {...} }` wrappers (TF.js converter output, some Keras 2 tools).
    if (typeof obj.model_config === 'object' && obj.model_config !== null) return asModelJson(obj.model_config, where);
  }
  throw kerasError(
    'KERAS_BAD_CONFIG',
    where,
    `${where}: the model architecture must be Keras JSON like {"class_name": "Sequential", "config": {"layers": [...]}} (what model.to_json() writes); got ${describe(value)}`,
  );
}

/** Architecture given as text, bytes or an object → model JSON. */
export function architectureJson(arch: string | Uint8Array | KerasModelJson, where: string): KerasModelJson {
  if (typeof arch === 'string') return asModelJson(parseJson(arch, where, 'architecture JSON'), where);
  if (arch instanceof Uint8Array) return asModelJson(parseJson(utf8(arch), where, 'architecture JSON'), where);
  return asModelJson(arch, where);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'object') return `an object with keys ${Object.keys(value as object).slice(0, 6).join(', ') || '(none)'}`;
  return typeof value;
}
