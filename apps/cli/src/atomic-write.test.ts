import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileAtomic } from './atomic-write.js';

const dir = mkdtempSync(join(tmpdir(), 'snn-atomic-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writeFileAtomic', () => {
  it('writes the bytes and leaves no temporary file', () => {
    writeFileAtomic(join(dir, 'a.bin'), new Uint8Array([1, 2, 3]));
    expect(Array.from(readFileSync(join(dir, 'a.bin')))).toEqual([1, 2, 3]);
    expect(readdirSync(dir)).toEqual(['a.bin']);
  });

  it('replaces an existing file whole', () => {
    writeFileSync(join(dir, 'b.bin'), 'old contents, longer than the new');
    writeFileAtomic(join(dir, 'b.bin'), new TextEncoder().encode('new'));
    expect(readFileSync(join(dir, 'b.bin'), 'utf8')).toBe('new');
  });

  it('fails with CLI_WRITE, naming the path, and leaves nothing behind', () => {
    mkdirSync(join(dir, 'sub'));
    mkdirSync(join(dir, 'sub', 'taken.snn')); // a folder where the file should go: rename fails
    expect(() => writeFileAtomic(join(dir, 'sub', 'taken.snn'), new Uint8Array(10))).toThrow(/cannot write .*taken\.snn: /);
    expect(readdirSync(join(dir, 'sub'))).toEqual(['taken.snn']);
    expect(() => writeFileAtomic(join(dir, 'missing', 'x.snn'), new Uint8Array(1))).toThrow(/cannot write .*x\.snn: its folder does not exist; choose another output path/);
  });
});
