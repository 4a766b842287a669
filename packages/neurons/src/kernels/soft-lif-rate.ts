/**
 * NengoDL `SoftLIFRate` (nengo_dl/neurons.py): the LIF curve with the threshold smoothed by a
 * softplus of width `sigma`. `j = J - 1; js = j / sigma; z = sigma * softplus(js)`
 * (softplus(js) = js when js > 30), `q = log1p(1 / z)` when `js > -20` else `-js - ln(sigma)`,
 * `out = amplitude / (tauRef + tauRc * q)`. Safe with `J === out`. Returns the nonzero count.
 */
export function softLifRate(
  J: Float32Array,
  out: Float32Array,
  sigma: number,
  tauRc: number,
  tauRef: number,
  amplitude: number,
): number {
  const logSigma = Math.log(sigma);
  let active = 0;
  for (let i = 0, n = J.length; i < n; i++) {
    const js = (J[i] - 1) / sigma;
    let q: number;
    if (js > -20) {
      const z = js > 30 ? js * sigma : Math.log1p(Math.exp(js)) * sigma;
      q = Math.log1p(1 / z);
    } else q = -js - logSigma;
    const r = amplitude / (tauRef + tauRc * q);
    out[i] = r;
    if (r !== 0) active++;
  }
  return active;
}

/**
 * d(softLifRate)/dJ, analytic: `amplitude * tauRc / den^2 * sigmoid(js) / (z * (z + 1))`,
 * and `amplitude * tauRc / (sigma * den^2)` on the `js <= -20` branch (where `q = -js - ln sigma`).
 * Safe with `J === out`.
 */
export function softLifRateDerivative(
  J: Float32Array,
  out: Float32Array,
  sigma: number,
  tauRc: number,
  tauRef: number,
  amplitude: number,
): void {
  const logSigma = Math.log(sigma);
  for (let i = 0, n = J.length; i < n; i++) {
    const js = (J[i] - 1) / sigma;
    if (js > -20) {
      let z: number;
      let dzdj: number;
      if (js > 30) {
        z = js * sigma;
        dzdj = 1;
      } else {
        const e = Math.exp(js);
        z = Math.log1p(e) * sigma;
        dzdj = e / (1 + e);
      }
      const den = tauRef + tauRc * Math.log1p(1 / z);
      out[i] = (amplitude * tauRc * dzdj) / (z * (z + 1) * den * den);
    } else {
      const den = tauRef + tauRc * (-js - logSigma);
      out[i] = (amplitude * tauRc) / (sigma * den * den);
    }
  }
}
