import h5wasm from 'h5wasm';
import { withHdf5Bytes, type Hdf5File } from '@snn/hdf5';
import { isSnnError } from '@snn/ir';
import { kerasError } from '../errors.js';
import { toFloat32 } from './float-data.js';
import { checkHdf5Length } from './hdf5-superblock.js';
import { hdf5SignatureOffset } from './sniff.js';

/** A float32 array read from an HDF5 dataset, with its shape (C order). */
export interface Hdf5Array {
  readonly shape: number[];
  readonly data: Float32Array;
}

/**
 * Path-based read access to an open HDF5 file. Paths are relative to the root and use
 * `/` (HDF5's separator), e.g. `model_weights/dense_1/dense_1/kernel:0`.
 */
export interface Hdf5Handle {
  /** File name used in messages. */
  readonly fileName: string;
  /** Whether an object (group or dataset) exists at `path`. */
  has(path: string): boolean;
  /** Whether `path` is a group. */
  isGroup(path: string): boolean;
  /** Member names of the group at `path` (`''` is the root). */
  keys(path: string): string[];
  /** Attribute names of the object at `path`. */
  attrNames(path: string): string[];
  /** Raw attribute value (string, string[], typed array, number ...) or undefined when absent. */
  attr(path: string, name: string): unknown;
  /** Read the numeric dataset at `path` as float32. */
  dataset(path: string): Hdf5Array;
}

type Entity = ReturnType<Hdf5File['get']>;

/**
 * Open `bytes` as an HDF5 file in h5wasm's in-memory file system, run `read` on it, then
 * close and delete it. Works the same in Node and in browsers (no host file access).
 * Throws `KERAS_TRUNCATED` / `KERAS_CORRUPT` with the file name when the bytes cannot be read.
 */
export async function withHdf5<T>(bytes: Uint8Array, fileName: string, read: (file: Hdf5Handle) => T): Promise<T> {
  const offset = hdf5SignatureOffset(bytes);
  if (offset < 0) {
    throw kerasError('KERAS_UNKNOWN_FORMAT', fileName, `${fileName}: not an HDF5 file (no HDF5 signature); give a Keras .h5 file`);
  }
  checkHdf5Length(bytes, offset, fileName);
  return withHdf5Bytes(bytes, (file) => read(handle(file, fileName)), (cause) => corrupt(fileName, 'cannot be opened', cause));
}

function corrupt(fileName: string, what: string, cause: unknown): Error {
  const detail = cause instanceof Error ? `: ${lastLine(cause.message)}` : '';
  return kerasError(
    'KERAS_CORRUPT',
    fileName,
    `${fileName}: the HDF5 file ${what}${detail}; the file is damaged or was not fully written — save or download it again`,
    cause,
  );
}

function lastLine(message: string): string {
  const lines = message.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('major:') && !l.startsWith('minor:'));
  const last = lines[lines.length - 1] ?? message;
  return last.replace(/^#\d+: \S+ line \d+ in /, '');
}

function handle(file: Hdf5File, fileName: string): Hdf5Handle {
  const obj = (path: string): string => `object '${path || '/'}'`;
  const get = (path: string): Entity => {
    if (path === '' || path === '/') return file;
    try {
      return file.get(path);
    } catch (cause) {
      throw corrupt(fileName, `${obj(path)} cannot be read`, cause);
    }
  };
  const guard = <R>(what: string, fn: () => R): R => {
    try {
      return fn();
    } catch (cause) {
      if (isSnnError(cause)) throw cause;
      throw corrupt(fileName, `${what} cannot be read`, cause);
    }
  };
  return {
    fileName,
    has: (path) => {
      if (path === '' || path === '/') return true;
      // HDF5 raises for a missing intermediate group; treat that as absence.
      const parts = path.split('/');
      let current = '';
      for (const part of parts) {
        const group = current === '' ? file : get(current);
        if (!(group instanceof h5wasm.Group)) return false;
        if (!guard(obj(current), () => group.keys()).includes(part)) return false;
        current = current === '' ? part : `${current}/${part}`;
      }
      return true;
    },
    isGroup: (path) => get(path) instanceof h5wasm.Group,
    keys: (path) => {
      const group = get(path);
      return group instanceof h5wasm.Group ? guard(obj(path), () => group.keys()) : [];
    },
    attrNames: (path) => {
      const o = get(path);
      return o && 'attrs' in o ? guard(obj(path), () => Object.keys(o.attrs)) : [];
    },
    attr: (path, name) => {
      const o = get(path);
      if (!o || !('attrs' in o)) return undefined;
      return guard(`attribute '${name}' of ${obj(path)}`, () => {
        const attrs = o.attrs;
        return name in attrs ? attrs[name].value : undefined;
      });
    },
    dataset: (path) => {
      const ds = get(path);
      if (!(ds instanceof h5wasm.Dataset)) {
        throw kerasError('KERAS_MISSING_WEIGHT', `${fileName}:${path}`, `${fileName}: '${path}' is not a dataset; the weights group is damaged — save the model again`);
      }
      return guard(`dataset '${path}'`, () => {
        const meta = ds.metadata;
        const shape = (ds.shape ?? []).map(Number);
        const data = toFloat32(ds.value, meta.size, meta.type === 1);
        if (data === undefined) {
          throw kerasError(
            'KERAS_CORRUPT',
            `${fileName}:${path}`,
            `${fileName}: dataset '${path}' has dtype ${JSON.stringify(ds.dtype)}, which is not numeric; weights must be float or integer arrays`,
          );
        }
        return { shape, data };
      });
    },
  };
}
