import { kerasError } from '../errors.js';

/**
 * Throw `KERAS_TRUNCATED` when the HDF5 superblock at `offset` says the file is longer
 * than `bytes`. Reads the end-of-file address of superblock versions 0-3 (HDF5 file
 * format spec, "Superblock"); unknown versions are left to the HDF5 library to judge.
 */
export function checkHdf5Length(bytes: Uint8Array, offset: number, fileName: string): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = (p: number): number | undefined => (offset + p < bytes.length ? view.getUint8(offset + p) : undefined);
  const version = at(8);
  let eofField: number;
  let sizeOfOffsets: number | undefined;
  if (version === 0 || version === 1) {
    sizeOfOffsets = at(13);
    eofField = (version === 0 ? 24 : 28) + 2 * (sizeOfOffsets ?? 0);
  } else if (version === 2 || version === 3) {
    sizeOfOffsets = at(9);
    eofField = 12 + 2 * (sizeOfOffsets ?? 0);
  } else {
    if (version === undefined) throw truncated(fileName, bytes.length, undefined);
    return;
  }
  if (sizeOfOffsets !== 8 && sizeOfOffsets !== 4) {
    if (sizeOfOffsets === undefined) throw truncated(fileName, bytes.length, undefined);
    return;
  }
  const base = offset + eofField;
  if (base + sizeOfOffsets > bytes.length) throw truncated(fileName, bytes.length, undefined);
  const eof = sizeOfOffsets === 8 ? Number(view.getBigUint64(base, true)) : view.getUint32(base, true);
  // An undefined address (all ones) means "not recorded".
  if (eof >= 2 ** 52 || (sizeOfOffsets === 4 && eof === 0xffffffff)) return;
  if (offset + eof > bytes.length) throw truncated(fileName, bytes.length, offset + eof);
}

function truncated(fileName: string, have: number, want: number | undefined): Error {
  const expected = want === undefined ? 'its HDF5 header is incomplete' : `its HDF5 header says it has ${want} bytes`;
  return kerasError(
    'KERAS_TRUNCATED',
    fileName,
    `${fileName}: the file is truncated: it has ${have} bytes but ${expected}; the download or copy was cut short — fetch the file again`,
  );
}
