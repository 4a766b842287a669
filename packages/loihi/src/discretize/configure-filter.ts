import { loihiError } from '../error-codes.js';
import { compartmentName, type CompartmentConfig } from './compartment-config.js';

/** Decays at or below this (0.5/2^12) round to no input at all on the chip. */
export const DECAY_SCALE_TH = 0.5 / 4096;

/** Options of {@link configureFilter}. */
export interface FilterOptions {
  /** Time step in seconds (default 0.001). */
  readonly dt?: number;
  /** Receives Nengo Loihi's warnings (a larger tau_s already set, or overwritten). */
  readonly onWarning?: (message: string) => void;
}

/**
 * Set the block's Lowpass input filter (Nengo Loihi `Compartment.configure_filter`, spec §2.1):
 * a block has one filter, so the larger time constant wins and the other one is reported through
 * `onWarning`. `tauS` 0 means no filter (decayU 1). Throws `LOIHI_BUILD` when the decay is too small
 * for the chip to scale the current.
 */
export function configureFilter(comp: CompartmentConfig, tauS: number, options: FilterOptions = {}): CompartmentConfig {
  const current = comp.tauS;
  if (current !== undefined && tauS < current) {
    options.onWarning?.(`tau_s is already set to ${fmtG(current)}, which is larger than ${fmtG(tauS)}. Using ${fmtG(current)}.`);
    return comp;
  }
  if (current !== undefined && tauS > current) {
    options.onWarning?.(`tau_s is currently ${fmtG(current)}, which is smaller than ${fmtG(tauS)}. Overwriting tau_s with ${fmtG(tauS)}.`);
  }
  return { ...setFilter(comp, tauS, options.dt ?? 0.001), tauS };
}

/**
 * Set the filter only if none is configured yet (`configure_default_filter`): ensembles get
 * `decode_tau` = 0.005 s unless a connection set one. The time constant is not recorded, so a
 * later {@link configureFilter} overrides it without warning, as in Nengo Loihi.
 */
export function configureDefaultFilter(comp: CompartmentConfig, tauS: number, dt = 0.001): CompartmentConfig {
  return comp.tauS === undefined ? setFilter(comp, tauS, dt) : comp;
}

function setFilter(comp: CompartmentConfig, tauS: number, dt: number): CompartmentConfig {
  if (!(tauS >= 0)) {
    throw loihiError('LOIHI_BAD_ARGUMENT', `${compartmentName(comp)}: synapse time constant tau_s must be >= 0 seconds, got ${tauS}.`, 'tauS');
  }
  const decayU = tauS === 0 ? 1 : -Math.expm1(-dt / tauS);
  if (!(decayU > DECAY_SCALE_TH)) {
    throw loihiError(
      'LOIHI_BUILD',
      `${compartmentName(comp)}: Current (U) scaling is required. Perhaps a synapse time constant is too large in your model.`,
      comp.label,
    );
  }
  return { ...comp, decayU, scaleU: true };
}

/** Python's `%g`: 6 significant digits, trailing zeros dropped. */
function fmtG(x: number): string {
  return String(Number(x.toPrecision(6)));
}
