import { checkMaxRates } from './check-max-rates.js';

/**
 * Nengo `RectifiedLinear.gain_bias`: `gain = r / (1 - c)`, `bias = -c * gain`
 * (amplitude plays no part, as in Nengo).
 */
export function linearGainBias(
  typeName: string,
  maxRates: Float32Array,
  intercepts: Float32Array,
  gain: Float32Array,
  bias: Float32Array,
): void {
  checkMaxRates(typeName, maxRates, 0);
  for (let i = 0, n = maxRates.length; i < n; i++) {
    const c = intercepts[i];
    const g = maxRates[i] / (1 - c);
    gain[i] = g;
    bias[i] = -c * g;
  }
}

/** Nengo `RectifiedLinear.max_rates_intercepts`: `c = -bias / gain`, `r = gain * (1 - c)`. */
export function linearMaxRatesIntercepts(
  gain: Float32Array,
  bias: Float32Array,
  maxRates: Float32Array,
  intercepts: Float32Array,
): void {
  for (let i = 0, n = gain.length; i < n; i++) {
    const g = gain[i];
    const c = -bias[i] / g;
    intercepts[i] = c;
    maxRates[i] = g * (1 - c);
  }
}
