// A WebAssembly trap of the HDF5 library (an out-of-bounds access or an abort, on a damaged
// file) must not leave the reader unusable: the trapped instance is dropped and the next file is
// read with a new one. Whether a damaged file traps depends on the library's heap (it follows
// garbage pointers), so these tests make it trap for certain: `_free` of an address past the end
// of its memory, called inside `read` or `write` where a damaged file's reads would trap. The
// trap of a real damaged file from the fuzzer is tested in tools/fuzz/src/trap-recovery.test.ts.
import h5wasm from 'h5wasm';
import { describe, expect, it } from 'vitest';
import { hdf5Bytes, hdf5Renewals, trapCause, withHdf5Bytes, type Hdf5File } from './index.js';

const writeNode = (file: Hdf5File): void => {
  const node = file.create_group('node');
  node.create_dataset({ name: 'type', data: ['Affine'] });
  node.create_attribute('name', 'layer');
  node.create_dataset({ name: 'weight', data: Float32Array.from([1, -2, 0.5, 4]), shape: [2, 2] });
};

const readNode = (file: Hdf5File): unknown => {
  const node = file.get('node') as unknown as { attrs: Record<string, { value: unknown }> };
  const type = (file.get('node/type') as unknown as { value: string[] }).value;
  const weight = (file.get('node/weight') as unknown as { value: Float32Array }).value;
  return { type: [...type], name: node.attrs.name!.value, weight: [...weight] };
};

const GOOD = { type: ['Affine'], name: 'layer', weight: [1, -2, 0.5, 4] };
const openError = (cause: unknown): Error => new Error('cannot open', { cause });
const module = await h5wasm.ready;

/** Make the library trap: free a block at an address past the end of its memory. */
function trap(): never {
  (module as unknown as { _free(address: number): void })._free(0xfffffff0);
  throw new Error('the library did not trap');
}

const memoryFiles = (): string[] => (module.FS.readdir('/') as string[]).filter((f) => f.endsWith('.h5'));

describe('after a WebAssembly trap of the HDF5 library', () => {
  it('reads the next file with a new instance', async () => {
    const good = await hdf5Bytes(writeNode);
    expect(await withHdf5Bytes(good, readNode, openError)).toEqual(GOOD);
    const before = hdf5Renewals();
    const memory = module.HEAPU8.buffer;
    const error = await withHdf5Bytes(good, trap, openError).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WebAssembly.RuntimeError);
    // as the readers pass it on: the cause of their typed error
    expect(trapCause(new Error('fuzz.nir: not a readable HDF5 file', { cause: error }))).toBe(error);
    expect(await withHdf5Bytes(good, readNode, openError)).toEqual(GOOD);
    expect(hdf5Renewals()).toBe(before + 1);
    // new memory behind the module object h5wasm's classes use, and an empty file system
    expect(module.HEAPU8.buffer).not.toBe(memory);
    expect(memoryFiles()).toEqual([]);
  });

  it('writes the next file with a new instance', async () => {
    const good = await hdf5Bytes(writeNode);
    const before = hdf5Renewals();
    await expect(hdf5Bytes((file) => (writeNode(file), trap()))).rejects.toThrow(WebAssembly.RuntimeError);
    const written = await hdf5Bytes(writeNode);
    expect(hdf5Renewals()).toBe(before + 1);
    expect(await withHdf5Bytes(written, readNode, openError)).toEqual(GOOD);
    expect(await withHdf5Bytes(good, readNode, openError)).toEqual(GOOD);
  });

  it('drops each trapped instance: 30 traps in a row keep memory bounded', async () => {
    const good = await hdf5Bytes(writeNode);
    const instance = module.HEAPU8.length; // bytes of one instance's memory (18.4 MiB)
    const external = process.memoryUsage().external;
    let traps = 0;
    for (let i = 0; i < 30; i++) {
      // the errors are not kept (an error's stack trace holds the instance it was thrown in)
      traps += await withHdf5Bytes(good, trap, openError).then(() => 0, (e: unknown) => Number(e instanceof WebAssembly.RuntimeError));
      expect(await withHdf5Bytes(good, readNode, openError)).toEqual(GOOD);
    }
    expect(traps).toBe(30);
    // kept instances would add 30 x 18.4 MiB (measured with them kept: 633 MiB more); dropped ones
    // are collected (measured: 65 MiB more, a few instances not collected yet)
    expect(process.memoryUsage().external - external).toBeLessThan(10 * instance);
  });

  it('keeps one instance while nothing traps (errors of the library included)', async () => {
    const good = await hdf5Bytes(writeNode);
    expect(await withHdf5Bytes(good, readNode, openError)).toEqual(GOOD);
    const before = hdf5Renewals();
    for (let i = 0; i < 20; i++) {
      // truncated: HDF5 refuses it with its own error, which is no trap
      const error = await withHdf5Bytes(good.subarray(0, 1500), readNode, openError).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Error);
      expect(trapCause(error)).toBeUndefined();
      expect(await withHdf5Bytes(good, readNode, openError)).toEqual(GOOD);
    }
    expect(hdf5Renewals()).toBe(before);
  });

  it('reads a file again with a new instance when it traps one that earlier files made fail', async () => {
    const good = await hdf5Bytes(writeNode);
    await expect(withHdf5Bytes(good.subarray(0, 1500), readNode, openError)).rejects.toThrow();
    const before = hdf5Renewals();
    let calls = 0;
    // traps the first time only, as a good file does in a library whose state damaged files corrupted
    const value = await withHdf5Bytes(good, (file) => (++calls === 1 ? trap() : readNode(file)), openError);
    expect(value).toEqual(GOOD);
    expect(calls).toBe(2);
    expect(hdf5Renewals()).toBe(before + 1);
    // in an instance nothing failed in, a trap is the file's own: no second read
    calls = 0;
    await expect(withHdf5Bytes(good, (file) => (++calls === 1 ? trap() : readNode(file)), openError)).rejects.toThrow(WebAssembly.RuntimeError);
    expect(calls).toBe(1);
  });
});
