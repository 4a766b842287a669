import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isSnnError } from '@snn/ir';
import { writeReport } from './node.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'snn-report-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function failure(f: () => void): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('expected a failure');
}

describe('writeReport', () => {
  it('writes the html (UTF-8) and replaces an older file, leaving no temporary file', () => {
    const path = join(dir, 'report.html');
    writeFileSync(path, 'old');
    writeReport(path, '<p>Genauigkeit ≥ 99 %</p>');
    expect(readFileSync(path, 'utf8')).toBe('<p>Genauigkeit ≥ 99 %</p>');
    expect(readdirSync(dir)).toEqual(['report.html']);
  });

  it('fails with REPORT_WRITE naming the path and the fix when the folder is missing', () => {
    const path = join(dir, 'missing', 'report.html');
    const e = failure(() => writeReport(path, 'x'));
    expect(isSnnError(e, 'REPORT_WRITE')).toBe(true);
    expect((e as Error).message).toContain(path);
    expect((e as Error).message).toMatch(/folder does not exist; create the folder/);
  });

  it('keeps the old file and leaves no temporary file when the rename fails (the target is a folder)', () => {
    const path = join(dir, 'report.html');
    mkdirSync(path);
    writeFileSync(join(path, 'keep.txt'), 'old');
    const e = failure(() => writeReport(path, 'new'));
    expect(isSnnError(e, 'REPORT_WRITE')).toBe(true);
    expect(readFileSync(join(path, 'keep.txt'), 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['report.html']);
  });
});
