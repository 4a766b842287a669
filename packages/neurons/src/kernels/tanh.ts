/** `out = (1 / tauRef) * tanh(J)` (Nengo `Tanh`). Safe with `J === out`. Returns the nonzero count. */
export function tanhRate(J: Float32Array, out: Float32Array, tauRef: number): number {
  const limit = 1 / tauRef;
  let active = 0;
  for (let i = 0, n = J.length; i < n; i++) {
    const y = limit * Math.tanh(J[i]);
    out[i] = y;
    if (y !== 0) active++;
  }
  return active;
}

/** d(tanhRate)/dJ = `(1 / tauRef) * (1 - tanh(J)^2)`. Safe with `J === out`. */
export function tanhDerivative(J: Float32Array, out: Float32Array, tauRef: number): void {
  const limit = 1 / tauRef;
  for (let i = 0, n = J.length; i < n; i++) {
    const t = Math.tanh(J[i]);
    out[i] = limit * (1 - t * t);
  }
}
