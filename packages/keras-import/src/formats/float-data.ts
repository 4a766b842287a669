/**
 * Convert what a reader returns for a numeric array (any typed array, plain numbers, or
 * the raw little-endian bytes of float16 data) to a fresh Float32Array.
 */
export function toFloat32(value: unknown, elementBytes: number, isFloat: boolean): Float32Array | undefined {
  if (value instanceof Float32Array) return value;
  if (isFloat && elementBytes === 2 && value instanceof Uint8Array) return float16BytesToFloat32(value);
  if (value instanceof Float64Array || value instanceof Int8Array || value instanceof Uint8Array || value instanceof Int16Array || value instanceof Uint16Array || value instanceof Int32Array || value instanceof Uint32Array) {
    return Float32Array.from(value);
  }
  if (value instanceof BigInt64Array || value instanceof BigUint64Array) return Float32Array.from(value, (v) => Number(v));
  if (typeof value === 'number') return Float32Array.of(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'number')) return Float32Array.from(value as number[]);
  return undefined;
}

/** Decode IEEE half-precision values stored little-endian in `bytes`. */
export function float16BytesToFloat32(bytes: Uint8Array): Float32Array {
  const n = bytes.length >> 1;
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = halfToFloat(bytes[2 * i] | (bytes[2 * i + 1] << 8));
  return out;
}

/** One IEEE half-precision value (as its 16 bits) to a number. */
export function halfToFloat(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >> 10) & 0x1f;
  const frac = h & 0x3ff;
  if (exp === 0) return sign * 2 ** -14 * (frac / 1024);
  if (exp === 31) return frac === 0 ? sign * Infinity : NaN;
  return sign * 2 ** (exp - 15) * (1 + frac / 1024);
}
