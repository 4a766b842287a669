import { lookup3 } from './lookup3.js';

/**
 * Check the HDF5 metadata the HDF5 library trusts too far, before it reads the file (the fuzz
 * test in tools/fuzz found each making it loop forever, read outside its memory or grow it past
 * 1 GiB): every global heap collection (`GCOL`, where variable-length strings such as Keras'
 * `model_config` and NIR's node types live) must be tiled exactly by its objects, and version-2
 * object headers (`OHDR`, first chunk), free-space manager headers (`FSHD`) and their section
 * lists (`FSSE`) must match their checksums. Returns what is wrong, or undefined.
 * Assumes 8-byte offsets and lengths (what h5py, h5wasm and the HDF5 library write by default);
 * structures are recognized by signature and version (and zero reserved bytes for `GCOL`).
 */
export function damagedMetadata(bytes: Uint8Array): string | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const checks: [string, (at: number) => string | undefined][] = [
    ['GCOL', (at) => globalHeap(bytes, view, at)],
    ['OHDR', (at) => objectHeader(bytes, view, at)],
    ['FSHD', (at) => freeSpace(bytes, view, at)],
  ];
  for (const [sig, check] of checks) {
    const [s0, s1, s2, s3] = Array.from(sig, (ch) => ch.charCodeAt(0));
    // indexOf is native and skips most of the (weight) bytes
    for (let at = bytes.indexOf(s0); at >= 0 && at + 16 <= bytes.length; at = bytes.indexOf(s0, at + 1)) {
      if (bytes[at + 1] !== s1 || bytes[at + 2] !== s2 || bytes[at + 3] !== s3) continue;
      const problem = check(at);
      if (problem !== undefined) return problem;
    }
  }
  return undefined;
}

function checksum(bytes: Uint8Array, view: DataView, start: number, end: number, what: string): string | undefined {
  if (end + 4 > bytes.length || end <= start) return `${what} runs past the end of the file`;
  return lookup3(bytes.subarray(start, end)) === view.getUint32(end, true) ? undefined : `${what} does not match its checksum`;
}

function objectHeader(bytes: Uint8Array, view: DataView, at: number): string | undefined {
  const flags = bytes[at + 5];
  if (bytes[at + 4] !== 2 || (flags & 0xc0) !== 0) return undefined;
  let p = at + 6 + (flags & 0x20 ? 16 : 0) + (flags & 0x10 ? 4 : 0);
  const width = 1 << (flags & 3);
  let size = 0;
  for (let k = 0; k < width && p + k < bytes.length; k++) size += bytes[p + k] * 2 ** (8 * k);
  p += width;
  return checksum(bytes, view, at, p + size, `the object header at byte ${at}`);
}

function freeSpace(bytes: Uint8Array, view: DataView, at: number): string | undefined {
  if (bytes[at + 4] !== 0 || at + 82 > bytes.length) return undefined;
  const header = checksum(bytes, view, at, at + 78, `the free-space manager header at byte ${at}`);
  if (header !== undefined) return header;
  const list = Number(view.getBigUint64(at + 54, true));
  const used = Number(view.getBigUint64(at + 62, true));
  if (list >= 2 ** 52 || used === 0) return undefined; // no section list stored
  if (used < 4 || list + used > bytes.length) return `the free-space section list at byte ${list} (${used} bytes) runs past the end of the file`;
  return checksum(bytes, view, list, list + used - 4, `the free-space section list at byte ${list}`);
}

function globalHeap(bytes: Uint8Array, view: DataView, at: number): string | undefined {
  if (bytes[at + 4] !== 1 || bytes[at + 5] !== 0 || bytes[at + 6] !== 0 || bytes[at + 7] !== 0) return undefined;
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
  return undefined;
}
