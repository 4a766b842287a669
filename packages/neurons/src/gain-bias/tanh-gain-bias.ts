import { checkMaxRates } from './check-max-rates.js';

/**
 * Nengo `Tanh.gain_bias`: `inv = atanh(r * tauRef)`, `gain = inv / (1 - c)`, `bias = -gain * c`.
 * Throws `NEURON_BAD_RATE` when `r >= 1 / tauRef`.
 */
export function tanhGainBias(
  typeName: string,
  maxRates: Float32Array,
  intercepts: Float32Array,
  tauRef: number,
  gain: Float32Array,
  bias: Float32Array,
): void {
  checkMaxRates(typeName, maxRates, tauRef);
  for (let i = 0, n = maxRates.length; i < n; i++) {
    const c = intercepts[i];
    const g = Math.atanh(maxRates[i] * tauRef) / (1 - c);
    gain[i] = g;
    bias[i] = -g * c;
  }
}

/** Nengo `Tanh.max_rates_intercepts`: `c = -bias / gain`, `r = (1 / tauRef) * tanh(gain + bias)`. */
export function tanhMaxRatesIntercepts(
  gain: Float32Array,
  bias: Float32Array,
  tauRef: number,
  maxRates: Float32Array,
  intercepts: Float32Array,
): void {
  for (let i = 0, n = gain.length; i < n; i++) {
    intercepts[i] = -bias[i] / gain[i];
    maxRates[i] = (1 / tauRef) * Math.tanh(gain[i] + bias[i]);
  }
}
