import { closeSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
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
 * words what could not be written). A process killed mid-write (SIGKILL, power loss) can leave
 * its temporary file behind; the next write of `path` removes such files of processes that no
 * longer run. Node only.
 */
export function writeFileAtomic(path: string, bytes: Uint8Array, hooks: AtomicWriteHooks = {}): void {
  removeStaleTemps(path);
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

/**
 * Remove the temporary files `writeFileAtomic` left beside `path` when a process was killed
 * mid-write: those of processes no longer running, and this process's own (it writes
 * synchronously, so none of its own is in progress now). Cleaning is best effort.
 */
function removeStaleTemps(path: string): void {
  const dir = dirname(path);
  const prefix = `.${basename(path)}.`;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return; // the write itself reports a missing or unreadable folder
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const m = /^(\d+)\.\d+\.tmp$/.exec(name.slice(prefix.length));
    if (m && !isRunning(Number(m[1]))) rmSync(join(dir, name), { force: true });
  }
}

/** True when another process with id `pid` runs (one that exists but is not ours to signal counts). */
function isRunning(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as { code?: string }).code === 'EPERM';
  }
}
