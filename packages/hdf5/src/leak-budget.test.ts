// An HDF5 error throws through the library's C code and skips its clean-up: a read that fails
// after the file opened leaves the file open, its bytes held in the in-memory file system. The
// instance is replaced once what failed reads left behind passes LEAK_BUDGET, so a process that
// reads many damaged files stays bounded. The damaged file is real: a 4 MiB file written by the
// library with one bit flipped in the signature of its global heap collection (its strings), so
// that it opens and fails on reading the string.
import h5wasm from 'h5wasm';
import { describe, expect, it } from 'vitest';
import { LEAK_BUDGET } from './hdf5-module.js';
import { hdf5Bytes, hdf5Renewals, withHdf5Bytes, type Hdf5File } from './index.js';

const module = await h5wasm.ready;
const N = 1 << 20;

const write = (file: Hdf5File): void => {
  file.create_dataset({ name: 'weight', data: new Float32Array(N).fill(0.5) });
  file.create_dataset({ name: 'type', data: ['Affine'] });
};
const read = (file: Hdf5File): unknown => [(file.get('weight') as unknown as { value: Float32Array }).value.length, [...(file.get('type') as unknown as { value: string[] }).value]];

/** Bytes of the files the in-memory file system holds open (beyond stdin, stdout, stderr). */
function openFileBytes(): number {
  const streams = (module.FS as unknown as { streams: ({ fd: number; node?: { usedBytes?: number } } | null)[] }).streams;
  return streams.reduce((sum, s) => sum + (s && s.fd > 2 ? s.node?.usedBytes ?? 0 : 0), 0);
}

describe('the leak budget of an instance of the HDF5 library', () => {
  it('replaces the instance when files failed reads left open pass it', async () => {
    const good = await hdf5Bytes(write);
    expect(await withHdf5Bytes(good, read, () => new Error('open'))).toEqual([N, ['Affine']]);
    const gcol = [...good.keys()].find((i) => String.fromCharCode(...good.subarray(i, i + 4)) === 'GCOL')!;
    const damaged = good.slice();
    damaged[gcol + 1] ^= 2;
    const before = hdf5Renewals();
    let most = 0;
    for (let i = 0; i < 40; i++) {
      await expect(withHdf5Bytes(damaged, read, () => new Error('open'))).rejects.toThrow();
      most = Math.max(most, openFileBytes());
    }
    // 40 failed reads of a 4 MiB file leave 160 MiB open without replacement; with it, at most
    // the budget and the file that passed it
    expect(most).toBeGreaterThan(good.length); // the failed reads do leave their file open
    expect(most).toBeLessThanOrEqual(LEAK_BUDGET.openFileBytes + good.length);
    expect(hdf5Renewals() - before).toBeGreaterThanOrEqual(Math.floor((40 * good.length) / (LEAK_BUDGET.openFileBytes + good.length)));
    expect(await withHdf5Bytes(good, read, () => new Error('open'))).toEqual([N, ['Affine']]);
  });

  it('keeps the instance while reads succeed', async () => {
    const good = await hdf5Bytes(write);
    const before = hdf5Renewals();
    for (let i = 0; i < 40; i++) expect(await withHdf5Bytes(good, read, () => new Error('open'))).toEqual([N, ['Affine']]);
    expect(openFileBytes()).toBe(0);
    expect(hdf5Renewals()).toBe(before);
  });
});
