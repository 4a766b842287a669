import type { Hdf5Handle } from './hdf5-file.js';

/**
 * Text of a string attribute, whether HDF5 stored it as a variable-length string, a
 * fixed-length (NUL-padded) string, raw bytes, or a one-element array of those.
 * Undefined when the attribute is absent.
 */
export function attrText(file: Hdf5Handle, path: string, name: string): string | undefined {
  const value = file.attr(path, name);
  if (value === undefined || value === null) return undefined;
  const list = asStrings(value);
  return list.length === 1 ? list[0] : list.join('');
}

/**
 * A list-of-strings attribute (`layer_names`, `weight_names`). Keras splits long lists
 * into numbered chunks `name0`, `name1`, ... when they exceed HDF5's 64 KB header limit
 * (`save_attributes_to_hdf5_group`); those are joined. Undefined when absent.
 */
export function attrTextList(file: Hdf5Handle, path: string, name: string): string[] | undefined {
  const names = file.attrNames(path);
  if (names.includes(name)) return asStrings(file.attr(path, name));
  if (!names.includes(`${name}0`)) return undefined;
  const out: string[] = [];
  for (let i = 0; names.includes(`${name}${i}`); i++) out.push(...asStrings(file.attr(path, `${name}${i}`)));
  return out;
}

/** Normalize a string-ish attribute value to a list of strings (an empty numeric array is an empty list). */
export function asStrings(value: unknown): string[] {
  if (typeof value === 'string') return [stripNul(value)];
  if (value instanceof Uint8Array) return [stripNul(new TextDecoder().decode(value))];
  if (ArrayBuffer.isView(value)) return (value as unknown as ArrayLike<number>).length === 0 ? [] : [String(value)];
  if (Array.isArray(value)) return value.flatMap((v) => asStrings(v));
  if (value === undefined || value === null) return [];
  return [String(value)];
}

function stripNul(text: string): string {
  const end = text.indexOf('\0');
  return end >= 0 ? text.slice(0, end) : text;
}
