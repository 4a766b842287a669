import type { EmulatorNetwork, EmulatorSynapse } from './types.js';

/**
 * A block of compartments in floats, before discretization (Nengo Loihi's `Compartment`,
 * spec §2.1), for the "simreal" emulator: `u = (1 - decayU) u + sU q0`,
 * `v = (1 - decayV) v + sV u2`, with `sU = decayU` if `scaleU` else 1 (likewise sV).
 */
export interface SimrealBlock {
  /** Name used in errors and to refer to the block from synapses and probes. */
  readonly label: string;
  /** Current decay per step, 0..1 (`-expm1(-dt/tau_s)`; 1 = no filter). */
  readonly decayU: number;
  /** Voltage decay per step, 0..1 (`-expm1(-dt/tau_rc)`; 0 = integrator). */
  readonly decayV: number;
  /** Scale the input by decayU (a unit-gain filter). */
  readonly scaleU: boolean;
  /** Scale u2 by decayV (LIF); false for ReLU and non-spiking compartments. */
  readonly scaleV: boolean;
  /** Threshold per compartment (spike when `v > vth`). */
  readonly vth: Float64Array;
  /** Bias per compartment. */
  readonly bias: Float64Array;
  /** Refractory delay in steps (as the integer block). */
  readonly refractDelay: number;
  /** Lowest voltage. */
  readonly vmin: number;
  /** Highest voltage (Infinity for none). */
  readonly vmax: number;
}

/** Float synapse weights: dense, conv or sparse. */
export type SimrealSynapse = EmulatorSynapse<Float64Array>;

/** A float network for the simreal emulator. */
export type SimrealNetwork = EmulatorNetwork<SimrealBlock, Float64Array>;
