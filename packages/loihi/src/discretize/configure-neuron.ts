import { roundHalfEven } from '../round.js';
import { loihiError } from '../error-codes.js';
import { compartmentName, type CompartmentConfig } from './compartment-config.js';
import { DECAY_SCALE_TH } from './configure-filter.js';

/** Options of {@link configureLif}. */
export interface LifOptions {
  /** Membrane time constant in seconds (default 0.02). */
  readonly tauRc?: number;
  /** Refractory period in seconds (default 0.001, Nengo Loihi's block default; LIF uses 0.002). */
  readonly tauRef?: number;
  /** Firing threshold (default 1). */
  readonly vth?: number;
  /** Time step in seconds (default 0.001). */
  readonly dt?: number;
  /** Lower voltage limit (default 0). */
  readonly minVoltage?: number;
}

/**
 * Configure the block as LIF neurons (`Compartment.configure_lif`, spec §2.1): decayV from tauRc,
 * refractDelay = round(tauRef/dt) + 1, voltage scaling on. Throws `LOIHI_BUILD` when tauRc is so
 * large that the voltage decay rounds to nothing.
 */
export function configureLif(comp: CompartmentConfig, options: LifOptions = {}): CompartmentConfig {
  const dt = options.dt ?? 0.001;
  const decayV = -Math.expm1(-dt / (options.tauRc ?? 0.02));
  if (!(decayV > DECAY_SCALE_TH)) {
    throw loihiError(
      'LOIHI_BUILD',
      `${compartmentName(comp)}: Voltage (V) scaling is required with LIF neurons. Perhaps the neuron tau_rc time constant is too large.`,
      comp.label,
    );
  }
  return {
    ...comp,
    decayV,
    refractDelay: roundHalfEven((options.tauRef ?? 0.001) / dt) + 1,
    vth: filled(comp.n, options.vth ?? 1),
    vmin: options.minVoltage ?? 0,
    vmax: Infinity,
    scaleV: true,
  };
}

/** Options of {@link configureRelu} and {@link configureNonspiking}. */
export interface ReluOptions {
  /** Refractory period in seconds (default 0). */
  readonly tauRef?: number;
  /** Firing threshold (default 1; SpikingRectifiedLinear ensembles use 1/dt). */
  readonly vth?: number;
  /** Time step in seconds (default 0.001). */
  readonly dt?: number;
}

/** Configure the block as spiking ReLU (non-leaky integrate-and-fire) neurons: decayV 0, no voltage scaling. */
export function configureRelu(comp: CompartmentConfig, options: ReluOptions = {}): CompartmentConfig {
  return {
    ...comp,
    decayV: 0,
    refractDelay: roundHalfEven((options.tauRef ?? 0) / (options.dt ?? 0.001)) + 1,
    vth: filled(comp.n, options.vth ?? 1),
    vmin: 0,
    vmax: Infinity,
    scaleV: false,
  };
}

/**
 * Configure the block as non-spiking compartments (decayV 1, refractDelay 1), as Nengo Loihi does
 * for probe decode blocks (vth = `vth_nonspiking` = 10 there).
 */
export function configureNonspiking(comp: CompartmentConfig, options: Pick<ReluOptions, 'vth'> = {}): CompartmentConfig {
  return { ...comp, decayV: 1, refractDelay: 1, vth: filled(comp.n, options.vth ?? 1), vmin: 0, vmax: Infinity, scaleV: false };
}

function filled(n: number, value: number): Float64Array {
  return new Float64Array(n).fill(value);
}
