import h5wasm from 'h5wasm';
import { damagedMetadata } from './metadata-check.js';

/** An open h5wasm file (its groups, datasets and attributes). */
export type Hdf5File = InstanceType<typeof h5wasm.File>;

let counter = 0;

/**
 * Set when the HDF5 library trapped (a WebAssembly RuntimeError: it read outside its memory on
 * a damaged file). Its state is then undefined (later reads crash or hang, as the fuzz test in
 * tools/fuzz showed), so every later call refuses to use it.
 */
let trapped: string | undefined;

function unusable(): Error {
  return new Error(`the HDF5 library (WebAssembly) aborted on an earlier damaged file (${trapped}) and cannot be used again in this process; restart it`);
}

/** Run `fn`, remembering a WebAssembly trap of the HDF5 library (also when wrapped as the cause of another error). */
function watching<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    for (let x: unknown = e, depth = 0; x instanceof Error && depth < 8; x = x.cause, depth++) {
      if (x instanceof WebAssembly.RuntimeError) trapped = x.message;
    }
    throw e;
  }
}

/** A fresh path in h5wasm's in-memory file system. */
function memoryPath(tag: string): string {
  return `/snn-${tag}-${++counter}.h5`;
}

/**
 * Open `bytes` as an HDF5 file in h5wasm's in-memory file system (no host file access: the
 * same in Node and in browsers), run `read` on it, then close and delete it. HDF5's own
 * errors throw (with their diagnostic text) instead of printing to stderr while the file is
 * open. A file h5wasm cannot open is passed to `onOpenError` (cause: h5wasm's error, or
 * undefined when it returned an invalid handle), whose error is thrown; errors `read` throws
 * pass through unchanged. Damaged metadata that would make the HDF5 library hang, crash or
 * exhaust memory (see `damagedMetadata`) is refused through `onOpenError` before it reads it.
 * Damage no check catches may still make the library trap (a WebAssembly RuntimeError, passed
 * on as the error's cause); every later call then refuses through `onOpenError` instead of
 * using a library in an undefined state (restart the process to read HDF5 files again).
 */
export async function withHdf5Bytes<T>(bytes: Uint8Array, read: (file: Hdf5File) => T, onOpenError: (cause: unknown) => Error): Promise<T> {
  const damage = damagedMetadata(bytes);
  if (damage !== undefined) throw onOpenError(new Error(damage));
  if (trapped !== undefined) throw onOpenError(unusable());
  const module = await h5wasm.ready;
  const path = memoryPath('read');
  module.FS.writeFile(path, bytes);
  module.activate_throwing_error_handler();
  let file: Hdf5File | undefined;
  try {
    try {
      file = watching(() => new h5wasm.File(path, 'r'));
    } catch (cause) {
      throw onOpenError(cause);
    }
    if (typeof file.file_id === 'bigint' && file.file_id < 0n) throw onOpenError(undefined);
    const open = file;
    return watching(() => read(open));
  } finally {
    try {
      if (file && file.file_id >= 0n && trapped === undefined) file.close();
    } catch {
      // closing a damaged file may fail; its bytes are removed below either way
    }
    try {
      module.deactivate_throwing_error_handler();
    } catch {
      // after a WebAssembly trap in the library this may fail too; the error thrown above stands
    }
    module.FS.unlink(path);
  }
}

/**
 * Create an HDF5 file in h5wasm's in-memory file system, let `write` fill it, and return its
 * bytes (the file is deleted afterwards).
 */
export async function hdf5Bytes(write: (file: Hdf5File) => void): Promise<Uint8Array> {
  if (trapped !== undefined) throw unusable();
  const module = await h5wasm.ready;
  const path = memoryPath('write');
  try {
    const file = new h5wasm.File(path, 'w');
    try {
      write(file);
    } finally {
      file.close();
    }
    return module.FS.readFile(path);
  } finally {
    try {
      module.FS.unlink(path);
    } catch {
      // nothing was created when the file could not be opened for writing
    }
  }
}
