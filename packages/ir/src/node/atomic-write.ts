import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Test hooks of {@link writeFileAtomic}. */
export interface AtomicWriteHooks {
  /** Runs after the temporary file is written and synced, before the rename (a throw here simulates an interruption). */
  readonly beforeRename?: (tempPath: string) => void;
}

let counter = 0;

/**
 * Write `bytes` to `path` atomically: into a temporary file beside it (same directory, so the
 * rename stays on one file system), flushed to disk (fsync), then renamed over `path`. Readers
 * see the old file or the new one, never a partial one. On failure the temporary file is
 * removed, `path` is untouched, and the error is rethrown as it came (callers say in their own
 * words what could not be written). Node only.
 */
export function writeFileAtomic(path: string, bytes: Uint8Array, hooks: AtomicWriteHooks = {}): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${++counter}.tmp`);
  try {
    const fd = openSync(temp, 'wx');
    try {
      for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    hooks.beforeRename?.(temp);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
