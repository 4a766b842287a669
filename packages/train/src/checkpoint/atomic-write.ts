import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { SnnError } from '@snn/ir';

/** Test hooks of {@link writeFileAtomic}. */
export interface AtomicWriteHooks {
  /** Runs after the temporary file is written and synced, before the rename (a throw here simulates an interruption). */
  readonly beforeRename?: (tempPath: string) => void;
}

let counter = 0;

/**
 * Write `bytes` to `path` atomically: into a temporary file beside it (same directory, so
 * the rename stays on one file system), flushed to disk, then renamed over `path`. Readers
 * see the old file or the new one, never a partial one; on failure the temporary file is
 * removed and `path` is untouched. Node only.
 */
export function writeFileAtomic(path: string, bytes: Uint8Array, hooks: AtomicWriteHooks = {}): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${++counter}.tmp`);
  try {
    const fd = openSync(temp, 'w');
    try {
      let done = 0;
      while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    hooks.beforeRename?.(temp);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    if (error instanceof SnnError) throw error;
    const why = error instanceof Error ? error.message : String(error);
    throw new SnnError('CHECKPOINT_WRITE_FAILED', `could not write '${path}' (${why}); the previous file, if any, is unchanged`, { where: path, cause: error });
  }
}
