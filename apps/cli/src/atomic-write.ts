import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { SnnError } from '@snn/ir';

let counter = 0;

/**
 * Write `data` to `path` atomically: to a temporary file in the same folder, then rename
 * over `path`. A failure leaves neither a partial `path` nor the temporary file behind.
 */
export function writeFileAtomic(path: string, data: Uint8Array): void {
  const tmp = join(dirname(path), `.${basename(path)}.tmp-${process.pid}-${++counter}`);
  try {
    writeFileSync(tmp, data, { flag: 'wx' });
    renameSync(tmp, path);
  } catch (cause) {
    rmSync(tmp, { force: true });
    const code = (cause as { code?: string }).code;
    const reason = code === 'ENOENT' ? 'its folder does not exist' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : String((cause as Error).message ?? cause);
    throw new SnnError('CLI_WRITE', `cannot write ${path}: ${reason}; choose another output path`, { where: path, cause });
  }
}
