/**
 * SpikingRectifiedLinear in float32 arithmetic, as NengoDL computes it in TensorFlow:
 * `v += max(J, 0) * dt; k = floor(v); out = k * (amplitude / dt); v -= k`, every operation
 * rounded to float32 (`Math.fround` of a float64 result is the float32 result). Steps
 * neurons `[start, J.length)` and appends those with a nonzero output, in increasing
 * order, to `activeIndex` / `activeValue` from position `count`; returns the new count.
 */
export function spikingRectifiedLinearStepF32(
  dt: number,
  J: Float32Array,
  out: Float32Array,
  voltage: Float32Array,
  amplitude: number,
  start: number,
  activeIndex: Int32Array,
  activeValue: Float32Array,
  count: number,
): number {
  const dt32 = Math.fround(dt);
  const height = Math.fround(amplitude / dt);
  for (let i = start, n = J.length; i < n; i++) {
    const v = Math.fround(voltage[i] + Math.fround(Math.max(J[i], 0) * dt32));
    const k = Math.floor(v);
    const o = Math.fround(k * height);
    out[i] = o;
    voltage[i] = v - k;
    if (o !== 0) {
      activeIndex[count] = i;
      activeValue[count++] = o;
    }
  }
  return count;
}
