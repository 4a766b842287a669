import { roundHalfEven } from '../round.js';

/**
 * Nengo Loihi `discretize_tau_rc`: the membrane time constant (s) the chip realizes with its
 * 12-bit voltage decay, `d = round(-expm1(-dt / tauRc) * 4095) / 4095`, returned as
 * `-dt / log1p(-d)`. (0.02, 0.001) -> 0.01997082742119743.
 */
export function discretizeTauRc(tauRc: number, dt: number): number {
  const d = roundHalfEven(-Math.expm1(-dt / tauRc) * 4095) / 4095;
  return -dt / Math.log1p(-d);
}

/**
 * Nengo Loihi `discretize_tau_ref`: the refractory period (s) as a whole number of steps,
 * `dt * round(tauRef / dt)`. 0.0025 -> 0.002 and 0.0015 -> 0.002 at dt = 0.001.
 */
export function discretizeTauRef(tauRef: number, dt: number): number {
  return dt * roundHalfEven(tauRef / dt);
}
