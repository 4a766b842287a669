import { describe, expect, it } from 'vitest';
import { damagedMetadata } from './metadata-check.js';
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
    expect(damagedMetadata(bytes)).toBeUndefined();
    expect(await withHdf5Bytes(bytes, (f) => String(f.attrs['model_config'].value), () => new Error('no'))).toContain('Sequential');
  });

  it('refuses a collection size that does not match its objects (the HDF5 library hangs on it) and an object running past the end', async () => {
    const { bytes, gcol } = await fileWithStrings();
    const view = (b: Uint8Array): DataView => new DataView(b.buffer, b.byteOffset, b.byteLength);
    const size = Number(view(bytes).getBigUint64(gcol + 8, true));
    const smaller = bytes.slice();
    view(smaller).setBigUint64(gcol + 8, BigInt(size - 64), true);
    expect(damagedMetadata(smaller)).toMatch(new RegExp(`global heap collection at byte ${gcol} has a free-space object`));
    const past = bytes.slice();
    view(past).setBigUint64(gcol + 8, BigInt(bytes.length), true);
    expect(damagedMetadata(past)).toMatch(/past the end of the file/);
    const object = bytes.slice();
    view(object).setBigUint64(gcol + 16 + 8, BigInt(size), true); // the first object's size
    expect(damagedMetadata(object)).toMatch(/object 1 of \d+ bytes runs past the collection's end/);
    await expect(withHdf5Bytes(smaller, () => 'read', (cause) => new Error(`refused: ${(cause as Error).message}`))).rejects.toThrow(/^refused: the global heap collection/);
  });
});

describe('damaged version-2 metadata is refused by its checksum', () => {
  it('accepts a file h5wasm writes with version-2 object headers and free-space managers, and refuses one changed byte in each', async () => {
    // laid out like a NIR file (@snn/nir writes them through hdf5Bytes): many node groups with a
    // string type and a weight each, which gives version-2 headers and a free-space manager
    const bytes = await hdf5Bytes((file) => {
      for (let k = 0; k < 12; k++) {
        const g = file.create_group(`node${k}`);
        g.create_dataset({ name: 'type', data: ['Affine'], dtype: 'S' });
        g.create_dataset({ name: 'weight', data: Float32Array.from({ length: 300 }, (_, i) => i / 7), shape: [300] });
      }
    });
    expect(damagedMetadata(bytes)).toBeUndefined();
    const text = new TextDecoder('latin1').decode(bytes);
    const ohdr = text.indexOf('OHDR');
    // the root group's version-2 object header follows the 48-byte version-2/3 superblock
    expect([ohdr, bytes[ohdr + 4]]).toEqual([48, 2]);
    const header = bytes.slice();
    header[ohdr + 30] ^= 0x80; // inside the first chunk's messages
    expect(damagedMetadata(header)).toBe(`the object header at byte ${ohdr} does not match its checksum`);
    const fshd = text.indexOf('FSHD');
    // a free-space manager header (version 0) after the root's object header
    expect([fshd > ohdr, bytes[fshd + 4]]).toEqual([true, 0]);
    const manager = bytes.slice();
    manager[fshd + 20] ^= 0x01;
    expect(damagedMetadata(manager)).toBe(`the free-space manager header at byte ${fshd} does not match its checksum`);
    // the section list it points to
    const list = Number(new DataView(bytes.buffer, bytes.byteOffset).getBigUint64(fshd + 54, true));
    expect(text.slice(list, list + 4)).toBe('FSSE');
    const sections = bytes.slice();
    sections[list + 8] ^= 0x01;
    expect(damagedMetadata(sections)).toBe(`the free-space section list at byte ${list} does not match its checksum`);
  });
});
