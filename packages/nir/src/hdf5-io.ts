import h5wasm from 'h5wasm';
import { hdf5Bytes, withHdf5Bytes } from '@snn/hdf5';
import { isSnnError } from '@snn/ir';
import { nirError } from './error-codes.js';
import type { Hdf5Dataset, Hdf5Group } from './hdf5-tree.js';

type H5Group = InstanceType<typeof h5wasm.Group>;

/**
 * Store `root` as an HDF5 file and return its bytes. Works in h5wasm's in-memory file
 * system (no host file access), so it runs in Node and in browsers. Strings are
 * variable-length UTF-8 (h5py's `string_dtype()`), integers int64, parameters float32.
 */
export async function writeHdf5(root: Hdf5Group): Promise<Uint8Array> {
  return hdf5Bytes((file) => writeGroup(file, root));
}

function writeGroup(target: H5Group, group: Hdf5Group): void {
  for (const [name, member] of group.members) {
    if (member.kind === 'group') writeGroup(target.create_group(name), member);
    else writeDataset(target, name, member);
  }
}

function writeDataset(target: H5Group, name: string, d: Hdf5Dataset): void {
  const shape = [...d.shape];
  if (d.kind === 'string') target.create_dataset({ name, data: [...d.data], shape, dtype: 'S' });
  else if (d.kind === 'int64') target.create_dataset({ name, data: BigInt64Array.from(d.data as readonly number[], (x) => BigInt(x)), shape });
  else if (d.kind === 'float64') target.create_dataset({ name, data: Float64Array.from(d.data), shape });
  else target.create_dataset({ name, data: Float32Array.from(d.data), shape });
}

/**
 * Read every group and dataset of the HDF5 file in `bytes` into a tree. Numeric datasets
 * come back as float64 numbers (`float64` kind unless the file stores float32 or
 * integers), string datasets as strings. Throws `NIR_BAD_FILE` naming `fileName` when the
 * bytes are not a readable HDF5 file.
 */
export async function readHdf5(bytes: Uint8Array, fileName: string): Promise<Hdf5Group> {
  const unreadable = (cause: unknown): Error => {
    const detail = cause instanceof Error ? cause.message.split('\n')[0] : 'h5wasm returned no file handle';
    return nirError('NIR_BAD_FILE', fileName, `${fileName}: not a readable HDF5 file (${detail}); give a .nir file written by NIR (nir.write) or exportNir`, cause);
  };
  return withHdf5Bytes(
    bytes,
    (file) => {
      try {
        return readGroup(file, fileName);
      } catch (cause) {
        throw isSnnError(cause) ? cause : unreadable(cause);
      }
    },
    unreadable,
  );
}

function readGroup(source: H5Group, fileName: string): Hdf5Group {
  const members = new Map<string, Hdf5Group | Hdf5Dataset>();
  for (const name of source.keys()) {
    const entity = source.get(name);
    if (entity instanceof h5wasm.Group) members.set(name, readGroup(entity, fileName));
    else if (entity instanceof h5wasm.Dataset) members.set(name, readDataset(entity, `${source.path}/${name}`, fileName));
  }
  return { kind: 'group', members };
}

function readDataset(ds: InstanceType<typeof h5wasm.Dataset>, path: string, fileName: string): Hdf5Dataset {
  const shape = (ds.shape ?? []).map(Number);
  const value = ds.value;
  const values: unknown[] = Array.isArray(value) ? (value as unknown[]).flat(8) : ArrayBuffer.isView(value) ? Array.from(value as ArrayLike<number | bigint>) : [value];
  if (values.every((v) => typeof v === 'string')) return { kind: 'string', shape, data: values as string[] };
  if (values.every((v) => typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean')) {
    const data = values.map(Number);
    const meta = ds.metadata;
    const kind = meta.type === 0 ? 'int64' : meta.size === 4 ? 'float32' : 'float64';
    return { kind, shape, data };
  }
  throw nirError('NIR_BAD_FILE', `${fileName}:${path}`, `${fileName}: dataset '${path}' holds values that are neither numbers nor strings; NIR datasets are numeric arrays or strings`);
}
