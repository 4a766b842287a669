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

/**
 * `out[i] = d rate / d params[name]` at `J[i]` by a central difference in the parameter, for
 * types without `ratesParamDerivative`. The step is 1e-3 * max(1, |value|), shortened to stay
 * inside the parameter's schema range; the divisor is the distance actually stepped.
 */
export function numericParamDerivative(type: NeuronType, name: string, J: Float32Array, out: Float32Array, params: NeuronParams): void {
  const value = params[name];
  const spec = type.params[name];
  const h = 1e-3 * Math.max(1, Math.abs(value));
  const hi = Math.min(value + h, spec?.max ?? Infinity);
  const lo = Math.max(value - h, spec?.min ?? -Infinity);
  const rUp = new Float32Array(J.length);
  type.rates(J, rUp, { ...params, [name]: hi });
  type.rates(J, out, { ...params, [name]: lo });
  for (let i = 0; i < J.length; i++) out[i] = (rUp[i] - out[i]) / (hi - lo);
}
