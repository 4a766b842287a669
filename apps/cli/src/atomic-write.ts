import { SnnError } from '@snn/ir';
import { writeFileAtomic as writeAtomically } from '@snn/ir/node';

/**
 * Write `data` to `path` atomically with `@snn/ir/node`'s `writeFileAtomic` (temporary file
 * beside it, fsync, rename). A failure leaves neither a partial `path` nor the temporary file
 * behind and becomes an SnnError `CLI_WRITE` that names the path and how to fix it.
 */
export function writeFileAtomic(path: string, data: Uint8Array): void {
  try {
    writeAtomically(path, data);
  } catch (cause) {
    const code = (cause as { code?: string }).code;
    const reason = code === 'ENOENT' ? 'its folder does not exist' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : String((cause as Error).message ?? cause);
    throw new SnnError('CLI_WRITE', `cannot write ${path}: ${reason}; choose another output path`, { where: path, cause });
  }
}
