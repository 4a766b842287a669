/**
 * `@snn/report/node`: writing a report to disk (Node only). The rest of `@snn/report`
 * builds strings and runs in browsers too.
 *
 * @packageDocumentation
 */
import { SnnError } from '@snn/ir';
import { writeFileAtomic } from '@snn/ir/node';

/**
 * Write the report `html` to `path` atomically (`@snn/ir/node`'s `writeFileAtomic`: a
 * temporary file in the same folder, flushed to disk, then renamed over `path`). A reader sees
 * the old file or the new one, never half of one; on failure the temporary file is removed,
 * `path` is unchanged, and an SnnError `REPORT_WRITE` names the path and what would fix it.
 */
export function writeReport(path: string, html: string): void {
  try {
    writeFileAtomic(path, new TextEncoder().encode(html));
  } catch (cause) {
    const code = (cause as { code?: string }).code;
    const why =
      code === 'ENOENT' ? 'its folder does not exist; create the folder or choose another path'
      : code === 'EACCES' || code === 'EPERM' ? 'permission denied; choose a folder you can write to'
      : code === 'EISDIR' ? 'it is a folder; give a file name such as report.html'
      : code === 'ENOSPC' ? 'the disk is full; free some space or choose another disk'
      : `${(cause as Error).message ?? String(cause)}; choose another output path`;
    throw new SnnError('REPORT_WRITE', `cannot write the report ${path}: ${why} (the previous file, if any, is unchanged)`, { where: path, cause });
  }
}
