/** `out = amplitude * max(0, J)` (Nengo `RectifiedLinear`). Safe with `J === out`. Returns the nonzero count. */
export function rectifiedLinearRate(J: Float32Array, out: Float32Array, amplitude: number): number {
  let active = 0;
  for (let i = 0, n = J.length; i < n; i++) {
    const j = J[i];
    if (j > 0) {
      out[i] = amplitude * j;
      active++;
    } else out[i] = 0;
  }
  return active;
}

/** d(rectifiedLinearRate)/dJ = `amplitude * [J > 0]` (0 at the kink, like TensorFlow's relu). Safe with `J === out`. */
export function rectifiedLinearDerivative(J: Float32Array, out: Float32Array, amplitude: number): void {
  for (let i = 0, n = J.length; i < n; i++) out[i] = J[i] > 0 ? amplitude : 0;
}
