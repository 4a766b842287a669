import { checkMaxRates } from './check-max-rates.js';

/**
 * Nengo `LIFRate.gain_bias`: `x = 1 / (1 - exp((tauRef - 1/r) / tauRc))`,
 * `gain = (1 - x) / (c - 1)`, `bias = 1 - gain * c`. Throws `NEURON_BAD_RATE` when
 * `r >= 1 / tauRef`.
 */
export function lifGainBias(
  typeName: string,
  maxRates: Float32Array,
  intercepts: Float32Array,
  tauRc: number,
  tauRef: number,
  gain: Float32Array,
  bias: Float32Array,
): void {
  checkMaxRates(typeName, maxRates, tauRef);
  for (let i = 0, n = maxRates.length; i < n; i++) {
    const c = intercepts[i];
    const x = 1 / (1 - Math.exp((tauRef - 1 / maxRates[i]) / tauRc));
    const g = (1 - x) / (c - 1);
    gain[i] = g;
    bias[i] = 1 - g * c;
  }
}

/**
 * Nengo `LIFRate.max_rates_intercepts`: `c = (1 - bias) / gain`,
 * `r = 1 / (tauRef - tauRc * log1p(1 / (gain * (c - 1) - 1)))`.
 */
export function lifMaxRatesIntercepts(
  gain: Float32Array,
  bias: Float32Array,
  tauRc: number,
  tauRef: number,
  maxRates: Float32Array,
  intercepts: Float32Array,
): void {
  for (let i = 0, n = gain.length; i < n; i++) {
    const g = gain[i];
    const c = (1 - bias[i]) / g;
    intercepts[i] = c;
    maxRates[i] = 1 / (tauRef - tauRc * Math.log1p(1 / (g * (c - 1) - 1)));
  }
}
