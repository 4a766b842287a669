import { describe, expect, it } from 'vitest';
import { hdf5Bytes, withHdf5Bytes } from './hdf5-bytes.js';

describe('HDF5 files as bytes', () => {
  it('writes groups, datasets and attributes to bytes and reads them back', async () => {
    const bytes = await hdf5Bytes((file) => {
      const g = file.create_group('layer');
      g.create_dataset({ name: 'w', data: Float32Array.from([1.5, -2, 0.25, 4]), shape: [2, 2] });
      g.create_attribute('name', 'dense');
    });
    // the HDF5 signature \x89HDF\r\n\x1a\n opens the file
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a]);
    const read = await withHdf5Bytes(bytes, (file) => {
      const d = file.get('layer/w') as { shape: number[]; value: Float32Array };
      return { shape: d.shape, value: [...d.value], name: (file.get('layer') as unknown as { attrs: Record<string, { value: unknown }> }).attrs.name!.value };
    }, () => new Error('unexpected'));
    expect(read).toEqual({ shape: [2, 2], value: [1.5, -2, 0.25, 4], name: 'dense' });
  });

  it('gives bytes that are not HDF5 to onOpenError and passes errors of read through', async () => {
    const garbage = new Uint8Array(4096).fill(7);
    await expect(withHdf5Bytes(garbage, () => 1, (cause) => new Error(`cannot open: ${cause instanceof Error ? 'h5wasm error' : 'invalid handle'}`))).rejects.toThrow(/^cannot open: /);
    const bytes = await hdf5Bytes((file) => void file.create_group('g'));
    await expect(withHdf5Bytes(bytes, () => { throw new RangeError('from read'); }, () => new Error('no'))).rejects.toThrow(RangeError);
    // the in-memory files are removed: a later read of the same bytes still works
    expect(await withHdf5Bytes(bytes, (f) => f.keys(), () => new Error('no'))).toEqual(['g']);
  });
});
