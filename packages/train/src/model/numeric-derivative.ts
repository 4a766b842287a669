import type { NeuronParams, NeuronType } from '@snn/neurons';

/**
 * `out[i] = d rate / dJ` at `J[i]` by a central difference of `type.rates`, for types
 * without `ratesDerivative`. The step is relative (1e-3 * max(1, |J|)) and the divisor is
 * the float32 difference of the two evaluation points actually used.
 */
export function numericRatesDerivative(type: NeuronType, J: Float32Array, out: Float32Array, params: NeuronParams): void {
  const n = J.length;
  const up = new Float32Array(n);
  const down = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const h = 1e-3 * Math.max(1, Math.abs(J[i]));
    up[i] = J[i] + h;
    down[i] = J[i] - h;
  }
  const rUp = new Float32Array(n);
  const rDown = new Float32Array(n);
  type.rates(up, rUp, params);
  type.rates(down, rDown, params);
  for (let i = 0; i < n; i++) out[i] = (rUp[i] - rDown[i]) / (up[i] - down[i]);
}
