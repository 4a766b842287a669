/**
 * Check every global heap collection (`GCOL`, where HDF5 keeps variable-length strings such as
 * Keras' `model_config` and NIR's node types) before the HDF5 library reads the file: its
 * objects must tile the collection exactly. The library itself trusts the collection size and
 * object sizes; a damaged one makes it loop forever or read outside its memory (found by the
 * fuzz test in tools/fuzz). Returns what is wrong, or undefined when every collection is whole.
 * Assumes 8-byte lengths (what h5py, h5wasm and the HDF5 library write by default); a
 * collection is recognized by its signature, version 1 and zero reserved bytes.
 */
export function damagedGlobalHeap(bytes: Uint8Array): string | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = 0; at + 16 <= bytes.length; at++) {
    if (bytes[at] !== 0x47 || bytes[at + 1] !== 0x43 || bytes[at + 2] !== 0x4f || bytes[at + 3] !== 0x4c) continue; // 'GCOL'
    if (bytes[at + 4] !== 1 || bytes[at + 5] !== 0 || bytes[at + 6] !== 0 || bytes[at + 7] !== 0) continue;
    const size = Number(view.getBigUint64(at + 8, true));
    const where = `the global heap collection at byte ${at}`;
    if (size < 16 || at + size > bytes.length) return `${where} declares ${size} bytes, past the end of the file (${bytes.length} bytes)`;
    const end = at + size;
    let p = at + 16;
    while (end - p >= 16) {
      const index = view.getUint16(p, true);
      const objectSize = Number(view.getBigUint64(p + 8, true));
      if (index === 0) {
        // the free-space object covers the rest of the collection, its header included
        if (objectSize !== end - p) return `${where} has a free-space object of ${objectSize} bytes where ${end - p} remain`;
        break;
      }
      const next = p + 16 + Math.ceil(objectSize / 8) * 8;
      if (next > end) return `${where}: object ${index} of ${objectSize} bytes runs past the collection's end`;
      p = next;
    }
  }
  return undefined;
}
