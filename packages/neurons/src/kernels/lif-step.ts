import { EXPM1_SERIES_LIMIT, LOG1P_SERIES_LIMIT, expm1Small, log1pSmall } from './small-series.js';

/**
 * One Nengo `LIF.step` over all neurons (nengo/neurons.py), in place and allocation-free:
 *
 * 1. `r -= dt`
 * 2. `delta = clip(dt - r, 0, dt)`: a partial step when the refractory period ends inside it
 * 3. `v -= (J - v) * expm1(-delta / tauRc)`: exact zero-order-hold solution toward J
 * 4. `spiked = v > 1` (strict); `out = spiked * amplitude / dt`
 * 5. spiked: `tSpike = dt + tauRc * log1p(-(v - 1) / (J - 1))`, the threshold crossing time
 * 6. `v = max(v, minVoltage)`; spiked: `v = 0`, `r = tauRef + tSpike`
 *
 * Speed without changing the maths: `expm1(-dt / tauRc)` is computed once per call for the
 * common full step (`r <= 0`, so `delta = dt`); a fully refractory neuron (`r >= dt`,
 * `delta = 0`) skips the update, which would subtract `(J - v) * 0`; partial steps and spike
 * times use inlined series for expm1/log1p when their argument is small (always, for
 * `dt / tauRc <= 0.125`), else Math.expm1/Math.log1p. Returns the number of spikes.
 */
export function lifStep(
  dt: number,
  J: Float32Array,
  out: Float32Array,
  voltage: Float32Array,
  refractoryTime: Float32Array,
  tauRc: number,
  tauRef: number,
  minVoltage: number,
  amplitude: number,
): number {
  const n = J.length;
  const spikeHeight = amplitude / dt;
  const fullStepDecay = Math.expm1(-dt / tauRc);
  const seriesPartialStep = dt / tauRc <= EXPM1_SERIES_LIMIT;
  // `* 1` makes V8 hold the clamp as a float64: with a small-integer minVoltage (the default
  // 0) the select below would otherwise mix tagged and float values and run 2x slower.
  const vMin = minVoltage * 1;
  let spikes = 0;
  for (let i = 0; i < n; i++) {
    const j = J[i];
    let v = voltage[i];
    const r = refractoryTime[i] - dt;
    if (r <= 0) v -= (j - v) * fullStepDecay;
    else if (r < dt) {
      const x = (r - dt) / tauRc;
      v -= (j - v) * (seriesPartialStep ? expm1Small(x) : Math.expm1(x));
    }
    if (v > 1) {
      const y = (1 - v) / (j - 1);
      const crossing = y <= LOG1P_SERIES_LIMIT && y >= -LOG1P_SERIES_LIMIT ? log1pSmall(y) : Math.log1p(y);
      out[i] = spikeHeight;
      voltage[i] = 0;
      refractoryTime[i] = tauRef + (dt + tauRc * crossing);
      spikes++;
    } else {
      out[i] = 0;
      voltage[i] = v < vMin ? vMin : v;
      refractoryTime[i] = r;
    }
  }
  return spikes;
}
