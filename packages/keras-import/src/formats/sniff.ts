/** What a byte buffer looks like from its first bytes. */
export type FileKind = 'hdf5' | 'zip' | 'json' | 'unknown';

const HDF5_SIGNATURE = [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * Offset of the HDF5 superblock signature, or -1. HDF5 allows a user block before the
 * superblock, so the signature may sit at 0, 512, 1024, 2048, ... (powers of two).
 */
export function hdf5SignatureOffset(bytes: Uint8Array): number {
  for (let offset = 0; offset + 8 <= bytes.length; offset = offset === 0 ? 512 : offset * 2) {
    let match = true;
    for (let i = 0; i < 8; i++) {
      if (bytes[offset + i] !== HDF5_SIGNATURE[i]) {
        match = false;
        break;
      }
    }
    if (match) return offset;
  }
  return -1;
}

/** Classify `bytes` by signature: HDF5, zip (`PK\x03\x04`, also an empty archive `PK\x05\x06`), JSON (`{` after whitespace/BOM). */
export function sniffFileKind(bytes: Uint8Array): FileKind {
  if (bytes.length >= 8 && hdf5SignatureOffset(bytes.subarray(0, Math.min(bytes.length, 1 << 20))) >= 0) return 'hdf5';
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && (bytes[3] === 4 || bytes[3] === 6)) {
    return 'zip';
  }
  let i = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)) i++;
  if (bytes[i] === 0x7b) return 'json';
  return 'unknown';
}

/** Decode UTF-8 text (dropping a BOM). */
export function utf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
}
