import { SnnError } from '@snn/ir';
import { writeFileAtomic as writeAtomically, type AtomicWriteHooks } from '@snn/ir/node';

export type { AtomicWriteHooks };

/**
 * Write `bytes` to `path` atomically (`@snn/ir/node`'s `writeFileAtomic`: temporary file,
 * fsync, rename): readers see the old file or the new one, never a partial one; on failure
 * `path` is untouched and an SnnError `CHECKPOINT_WRITE_FAILED` names it. Node only.
 */
export function writeFileAtomic(path: string, bytes: Uint8Array, hooks: AtomicWriteHooks = {}): void {
  try {
    writeAtomically(path, bytes, hooks);
  } catch (error) {
    if (error instanceof SnnError) throw error;
    const why = error instanceof Error ? error.message : String(error);
    throw new SnnError('CHECKPOINT_WRITE_FAILED', `could not write '${path}' (${why}); the previous file, if any, is unchanged`, { where: path, cause: error });
  }
}
