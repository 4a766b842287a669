/**
 * An HDF5 file as plain data: groups of named members, each a group or a dataset. NIR files
 * hold only these (no attributes); the exporter builds a tree and `writeHdf5` stores it, the
 * importer reads a tree with `readHdf5` and maps it.
 */

/** A numeric dataset (C order). `int64` holds integers (strides, sizes), `float32` parameters. */
export interface NumberDataset {
  readonly kind: 'float32' | 'float64' | 'int64';
  readonly shape: readonly number[];
  readonly data: readonly number[] | Float32Array | Float64Array;
}

/** A variable-length UTF-8 string dataset: a scalar (shape `[]`) or an array of strings. */
export interface StringDataset {
  readonly kind: 'string';
  readonly shape: readonly number[];
  readonly data: readonly string[];
}

/** A dataset of a NIR file. */
export type Hdf5Dataset = NumberDataset | StringDataset;

/** A group: its members in insertion order. */
export interface Hdf5Group {
  readonly kind: 'group';
  readonly members: Map<string, Hdf5Group | Hdf5Dataset>;
}

/** An empty group. */
export function group(entries: Iterable<readonly [string, Hdf5Group | Hdf5Dataset]> = []): Hdf5Group {
  return { kind: 'group', members: new Map(entries) };
}

/** A scalar string dataset. */
export function str(value: string): StringDataset {
  return { kind: 'string', shape: [], data: [value] };
}

/** A float32 dataset of `shape`. */
export function f32(data: Float32Array | readonly number[], shape: readonly number[]): NumberDataset {
  return { kind: 'float32', shape, data: data instanceof Float32Array ? data : Float32Array.from(data) };
}

/** An int64 dataset of `shape` (a 1-D array when no shape is given). */
export function i64(data: readonly number[], shape: readonly number[] = [data.length]): NumberDataset {
  return { kind: 'int64', shape, data };
}
