import { SnnError } from '@snn/ir';

/** A parsed IDX file: unsigned-byte data with its dimensions. */
export interface IdxArray {
  readonly dims: readonly number[];
  readonly data: Uint8Array;
}

/**
 * Parse an IDX file (the MNIST distribution format: big-endian magic `0x00 0x00 0x08 rank`,
 * then `rank` uint32 dimensions, then unsigned bytes). Only the unsigned-byte type is read.
 */
export function readIdx(bytes: Uint8Array, name = 'IDX file'): IdxArray {
  if (bytes.length < 4 || bytes[0] !== 0 || bytes[1] !== 0)
    throw new SnnError('DATA_FORMAT', `${name} is not an IDX file (bad magic number); expected the MNIST distribution files`, { where: name });
  if (bytes[2] !== 0x08) throw new SnnError('DATA_FORMAT', `${name}: IDX element type 0x${bytes[2].toString(16)} is not unsigned byte (0x08)`, { where: name });
  const rank = bytes[3];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dims: number[] = [];
  for (let i = 0; i < rank; i++) dims.push(view.getUint32(4 + 4 * i, false));
  const offset = 4 + 4 * rank;
  const count = dims.reduce((a, b) => a * b, 1);
  if (bytes.length < offset + count)
    throw new SnnError('DATA_TRUNCATED', `${name} is truncated: header promises ${count} bytes of data, file has ${bytes.length - offset}`, { where: name });
  return { dims, data: bytes.subarray(offset, offset + count) };
}
