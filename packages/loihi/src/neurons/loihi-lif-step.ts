import { discretizeTauRc, discretizeTauRef } from './discretize-tau.js';

/**
 * One Nengo Loihi `LoihiLIF.step` over all neurons, in place and allocation-free, with the
 * discretized time constants `tauRc'`, `tauRef'`:
 *
 * 1. `r -= dt`; `delta = clip(dt - r, 0, dt)`
 * 2. `v -= (J - v) * expm1(-delta / tauRc')`
 * 3. `spiked = v > 1` (strict); `out = spiked * amplitude / dt` (at most one spike per step)
 * 4. `v = max(v, minVoltage)`; spiked: `v = 0`, `r = tauRef' + dt`
 *
 * No sub-step spike time (unlike Nengo's LIF): `r` is always a whole number of steps, so
 * `delta` is 0 (held at 0 for `round(tauRef / dt)` steps after a spike) or `dt`. The step
 * decides between the two with `r < dt / 2`, which float32 rounding of `r` cannot flip.
 * Returns the number of spikes.
 */
export function loihiLifStep(
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
  const decay = Math.expm1(-dt / discretizeTauRc(tauRc, dt));
  const refractory = discretizeTauRef(tauRef, dt) + dt;
  const spikeHeight = amplitude / dt;
  const halfStep = 0.5 * dt;
  const vMin = minVoltage * 1; // held as a float64 (see lifStep in @snn/neurons)
  let spikes = 0;
  for (let i = 0, n = J.length; i < n; i++) {
    let v = voltage[i];
    const r = refractoryTime[i] - dt;
    if (r < halfStep) v -= (J[i] - v) * decay;
    if (v > 1) {
      out[i] = spikeHeight;
      voltage[i] = 0;
      refractoryTime[i] = refractory;
      spikes++;
    } else {
      out[i] = 0;
      voltage[i] = v < vMin ? vMin : v;
      refractoryTime[i] = r;
    }
  }
  return spikes;
}
