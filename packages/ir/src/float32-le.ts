// Little-endian float32 <-> bytes. On little-endian hosts (all common ones) this is a byte
// copy, which keeps every bit (-0, denormals, NaN payloads); elsewhere a DataView loop.
const littleEndianHost = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Write `data` as little-endian float32 into `bytes` at `byteOffset`. */
export function writeFloat32LE(data: Float32Array, bytes: Uint8Array, byteOffset: number): void {
  if (littleEndianHost) {
    bytes.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), byteOffset);
    return;
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset + byteOffset, data.length * 4);
  for (let i = 0; i < data.length; i++) view.setFloat32(i * 4, data[i], true);
}

/** Read `length` little-endian float32 values from `bytes` at `byteOffset` into a new array. */
export function readFloat32LE(bytes: Uint8Array, byteOffset: number, length: number): Float32Array {
  const out = new Float32Array(length);
  if (littleEndianHost) {
    new Uint8Array(out.buffer).set(bytes.subarray(byteOffset, byteOffset + length * 4));
    return out;
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset + byteOffset, length * 4);
  for (let i = 0; i < length; i++) out[i] = view.getFloat32(i * 4, true);
  return out;
}
