import { describe, expect, it } from 'vitest';
import { damagedGlobalHeap } from './global-heap.js';
import { hdf5Bytes, withHdf5Bytes } from './hdf5-bytes.js';

/** A file with a variable-length string attribute (kept in a global heap collection), and where that collection starts. */
async function fileWithStrings(): Promise<{ bytes: Uint8Array; gcol: number }> {
  const bytes = await hdf5Bytes((file) => void file.create_attribute('model_config', JSON.stringify({ class_name: 'Sequential', config: { layers: [] } })));
  const gcol = new TextDecoder('latin1').decode(bytes).indexOf('GCOL');
  return { bytes, gcol };
}

describe('damaged global heaps are refused before the HDF5 library reads them', () => {
  it('accepts the collections h5wasm writes and reads the string back', async () => {
    const { bytes, gcol } = await fileWithStrings();
    expect(gcol).toBeGreaterThan(0);
    expect(damagedGlobalHeap(bytes)).toBeUndefined();
    expect(await withHdf5Bytes(bytes, (f) => String(f.attrs['model_config'].value), () => new Error('no'))).toContain('Sequential');
  });

  it('refuses a collection size that does not match its objects (the HDF5 library hangs on it) and an object running past the end', async () => {
    const { bytes, gcol } = await fileWithStrings();
    const view = (b: Uint8Array): DataView => new DataView(b.buffer, b.byteOffset, b.byteLength);
    const size = Number(view(bytes).getBigUint64(gcol + 8, true));
    const smaller = bytes.slice();
    view(smaller).setBigUint64(gcol + 8, BigInt(size - 64), true);
    expect(damagedGlobalHeap(smaller)).toMatch(new RegExp(`global heap collection at byte ${gcol} has a free-space object`));
    const past = bytes.slice();
    view(past).setBigUint64(gcol + 8, BigInt(bytes.length), true);
    expect(damagedGlobalHeap(past)).toMatch(/past the end of the file/);
    const object = bytes.slice();
    view(object).setBigUint64(gcol + 16 + 8, BigInt(size), true); // the first object's size
    expect(damagedGlobalHeap(object)).toMatch(/object 1 of \d+ bytes runs past the collection's end/);
    await expect(withHdf5Bytes(smaller, () => 'read', (cause) => new Error(`refused: ${(cause as Error).message}`))).rejects.toThrow(/^refused: the global heap collection/);
  });
});
