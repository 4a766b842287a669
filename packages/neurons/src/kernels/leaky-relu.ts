/**
 * `out = amplitude * (J >= 0 ? J : negativeSlope * J)` (NengoDL `LeakyReLU`).
 * Safe with `J === out`. Returns the nonzero count.
 */
export function leakyReluRate(J: Float32Array, out: Float32Array, negativeSlope: number, amplitude: number): number {
  let active = 0;
  for (let i = 0, n = J.length; i < n; i++) {
    const j = J[i];
    const y = amplitude * (j >= 0 ? j : negativeSlope * j);
    out[i] = y;
    if (y !== 0) active++;
  }
  return active;
}

/** d(leakyReluRate)/dJ = `amplitude` for `J >= 0`, else `amplitude * negativeSlope`. Safe with `J === out`. */
export function leakyReluDerivative(J: Float32Array, out: Float32Array, negativeSlope: number, amplitude: number): void {
  const negativeScale = amplitude * negativeSlope;
  for (let i = 0, n = J.length; i < n; i++) out[i] = J[i] >= 0 ? amplitude : negativeScale;
}
