/**
 * An IDX file (the MNIST distribution format, read by `readIdx` of `@snn/mnist`): magic
 * `0x00 0x00 0x08 rank`, `rank` big-endian uint32 dimensions, then the unsigned bytes.
 */
export function encodeIdx(dims: readonly number[], data: Uint8Array): Uint8Array {
  const offset = 4 + 4 * dims.length;
  const bytes = new Uint8Array(offset + data.length);
  bytes.set([0, 0, 0x08, dims.length]);
  const view = new DataView(bytes.buffer);
  dims.forEach((d, i) => view.setUint32(4 + 4 * i, d, false));
  bytes.set(data, offset);
  return bytes;
}
