import { checkMaxRates } from './check-max-rates.js';

/**
 * Nengo `Sigmoid.gain_bias` (the intercept is the inflection point):
 * `inv = -ln((1 / tauRef) / r - 1)`, `gain = inv / (1 - c)`, `bias = inv - gain`.
 * Throws `NEURON_BAD_RATE` when `r >= 1 / tauRef`.
 */
export function sigmoidGainBias(
  typeName: string,
  maxRates: Float32Array,
  intercepts: Float32Array,
  tauRef: number,
  gain: Float32Array,
  bias: Float32Array,
): void {
  checkMaxRates(typeName, maxRates, tauRef);
  for (let i = 0, n = maxRates.length; i < n; i++) {
    const inv = -Math.log(1 / tauRef / maxRates[i] - 1);
    const g = inv / (1 - intercepts[i]);
    gain[i] = g;
    bias[i] = inv - g;
  }
}

/** Nengo `Sigmoid.max_rates_intercepts`: `inv = gain + bias`, `c = 1 - inv / gain`, `r = (1 / tauRef) / (1 + exp(-inv))`. */
export function sigmoidMaxRatesIntercepts(
  gain: Float32Array,
  bias: Float32Array,
  tauRef: number,
  maxRates: Float32Array,
  intercepts: Float32Array,
): void {
  for (let i = 0, n = gain.length; i < n; i++) {
    const inv = gain[i] + bias[i];
    intercepts[i] = 1 - inv / gain[i];
    maxRates[i] = 1 / tauRef / (1 + Math.exp(-inv));
  }
}
