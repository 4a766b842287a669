import h5wasm from 'h5wasm';
import { checkLeaks, hasFailed, hasTrapped, hdf5Module, watching } from './hdf5-module.js';
import { damagedMetadata } from './metadata-check.js';

/** An open h5wasm file (its groups, datasets and attributes). */
export type Hdf5File = InstanceType<typeof h5wasm.File>;

let counter = 0;

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
 *
 * Damage no check catches may still make the library trap (a WebAssembly RuntimeError, passed
 * on as the error's cause); the trapped instance of the library is then dropped and the next
 * file is read with a new one. A trap in an instance that had failed on earlier files (whose
 * damage may have corrupted its state without a trap) may not be this file's fault: the file
 * is then read once more, with a new instance, so `read` may run twice. Where no new instance
 * can be made (a bundled browser page), calls after a trap refuse through `onOpenError`.
 */
export async function withHdf5Bytes<T>(bytes: Uint8Array, read: (file: Hdf5File) => T, onOpenError: (cause: unknown) => Error): Promise<T> {
  const damage = damagedMetadata(bytes);
  if (damage !== undefined) throw onOpenError(new Error(damage));
  const suspect = hasFailed();
  try {
    return await readOnce(bytes, read, onOpenError);
  } catch (e) {
    if (!(suspect && hasTrapped())) throw e;
    return readOnce(bytes, read, onOpenError);
  }
}

/** {@link withHdf5Bytes} with the library's current instance (a new one if the last trapped). */
async function readOnce<T>(bytes: Uint8Array, read: (file: Hdf5File) => T, onOpenError: (cause: unknown) => Error): Promise<T> {
  let module;
  try {
    module = await hdf5Module();
  } catch (cause) {
    throw onOpenError(cause);
  }
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
      if (file && file.file_id >= 0n && !hasTrapped()) file.close();
    } catch {
      // closing a damaged file may fail; its bytes are removed below either way
    }
    try {
      module.deactivate_throwing_error_handler();
    } catch {
      // after a WebAssembly trap in the library this may fail too; the error thrown above stands
    }
    module.FS.unlink(path);
    checkLeaks(module);
  }
}

/**
 * Create an HDF5 file in h5wasm's in-memory file system, let `write` fill it, and return its
 * bytes (the file is deleted afterwards).
 */
export async function hdf5Bytes(write: (file: Hdf5File) => void): Promise<Uint8Array> {
  const module = await hdf5Module();
  const path = memoryPath('write');
  try {
    const file = watching(() => new h5wasm.File(path, 'w'));
    try {
      watching(() => write(file));
    } finally {
      if (!hasTrapped()) file.close();
    }
    return module.FS.readFile(path);
  } finally {
    try {
      module.FS.unlink(path);
    } catch {
      // nothing was created when the file could not be opened for writing
    }
    checkLeaks(module);
  }
}
