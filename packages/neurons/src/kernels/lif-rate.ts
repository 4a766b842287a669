/**
 * Nengo `LIFRate` tuning curve: with `j = J - 1`,
 * `out = amplitude / (tauRef + tauRc * log1p(1 / j))` for `j > 0`, else 0.
 * Safe with `J === out`. Returns how many outputs are nonzero.
 */
export function lifRate(J: Float32Array, out: Float32Array, tauRc: number, tauRef: number, amplitude: number): number {
  let active = 0;
  for (let i = 0, n = J.length; i < n; i++) {
    const j = J[i] - 1;
    if (j > 0) {
      out[i] = amplitude / (tauRef + tauRc * Math.log1p(1 / j));
      active++;
    } else out[i] = 0;
  }
  return active;
}

/**
 * d(lifRate)/dJ: with `den = tauRef + tauRc * log1p(1 / j)`,
 * `amplitude * tauRc / (j * (j + 1) * den^2)` for `j > 0`, else 0. Safe with `J === out`.
 */
export function lifRateDerivative(J: Float32Array, out: Float32Array, tauRc: number, tauRef: number, amplitude: number): void {
  for (let i = 0, n = J.length; i < n; i++) {
    const j = J[i] - 1;
    if (j > 0) {
      const den = tauRef + tauRc * Math.log1p(1 / j);
      out[i] = (amplitude * tauRc) / (j * (j + 1) * den * den);
    } else out[i] = 0;
  }
}
