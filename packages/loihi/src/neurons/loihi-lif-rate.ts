import { discretizeTauRc, discretizeTauRef } from './discretize-tau.js';

/**
 * Nengo Loihi `loihi_lif_rates` on currents: with the discretized time constants and
 * `j = J - 1`, `period = tauRef' + tauRc' * log1p(1 / j)` and
 * `out = (amplitude / dt) / ceil(period / dt)` for `j > 0`, else 0: the interspike interval is a
 * whole number of steps, so the rate is capped at `1 / (dt * (round(tauRef / dt) + 1))`.
 * Safe with `J === out`.
 */
export function loihiLifRate(
  J: Float32Array,
  out: Float32Array,
  tauRc: number,
  tauRef: number,
  amplitude: number,
  dt: number,
): void {
  const rc = discretizeTauRc(tauRc, dt);
  const ref = discretizeTauRef(tauRef, dt);
  const spikeHeight = amplitude / dt;
  for (let i = 0, n = J.length; i < n; i++) {
    const j = J[i] - 1;
    out[i] = j > 0 ? spikeHeight / Math.ceil((ref + rc * Math.log1p(1 / j)) / dt) : 0;
  }
}
