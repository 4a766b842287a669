/** `out = (1 / tauRef) / (1 + exp(-J))` (Nengo `Sigmoid`). Safe with `J === out`. Returns the nonzero count. */
export function sigmoidRate(J: Float32Array, out: Float32Array, tauRef: number): number {
  const limit = 1 / tauRef;
  let active = 0;
  for (let i = 0, n = J.length; i < n; i++) {
    const y = limit / (1 + Math.exp(-J[i]));
    out[i] = y;
    if (y !== 0) active++;
  }
  return active;
}

/** d(sigmoidRate)/dJ = `(1 / tauRef) * s * (1 - s)` with `s = 1 / (1 + exp(-J))`. Safe with `J === out`. */
export function sigmoidDerivative(J: Float32Array, out: Float32Array, tauRef: number): void {
  const limit = 1 / tauRef;
  for (let i = 0, n = J.length; i < n; i++) {
    const s = 1 / (1 + Math.exp(-J[i]));
    out[i] = limit * s * (1 - s);
  }
}
