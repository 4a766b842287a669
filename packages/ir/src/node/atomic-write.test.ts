import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from './atomic-write.js';

describe('writeFileAtomic cleans what a killed write left', () => {
  it('removes temporary files of processes that no longer run, keeps those of running ones and of other files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atomic-stale-'));
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const deadPid = Number(dead.stdout);
    expect(deadPid).toBeGreaterThan(0);
    const stale = `.net.snn.${deadPid}.1.tmp`;
    const live = `.net.snn.${process.ppid}.7.tmp`; // the process that started this test runs
    const other = `.other.snn.${deadPid}.1.tmp`;
    for (const name of [stale, live, other]) writeFileSync(join(dir, name), 'half a file');
    writeFileAtomic(join(dir, 'net.snn'), new Uint8Array([1, 2, 3]));
    expect(readdirSync(dir).sort()).toEqual([live, other, 'net.snn'].sort());
    expect([...readFileSync(join(dir, 'net.snn'))]).toEqual([1, 2, 3]);
  });

  it('a failure before the rename leaves the old file and no temporary file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atomic-fail-'));
    writeFileSync(join(dir, 'a.bin'), 'old');
    expect(() => writeFileAtomic(join(dir, 'a.bin'), new Uint8Array([9]), { beforeRename: () => { throw new Error('interrupted'); } })).toThrow('interrupted');
    expect(readdirSync(dir)).toEqual(['a.bin']);
    expect(readFileSync(join(dir, 'a.bin'), 'utf8')).toBe('old');
  });
});
