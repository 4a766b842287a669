import type { ConvSynapse } from './conv-synapse.js';
import type { SparseSynapse } from './sparse-synapse.js';

/**
 * A block of compartments in chip integers (one core's worth after splitting), as the
 * discretizer produces it (spec §2): decays on 12 bits, threshold and bias per compartment.
 */
export interface LoihiEmulatorBlock {
  /** Name used in errors and to refer to the block from synapses and probes. */
  readonly label: string;
  /** Current (u) decay, integer 0..4095 (`decay_u_int`; the chip adds 1 back: offset 1). */
  readonly decayU: number;
  /** Voltage (v) decay, integer 0..4095 (`decay_v_int`; offset 0). */
  readonly decayV: number;
  /** Firing threshold per compartment (`vth_int`); a compartment spikes when `v > vth`. */
  readonly vth: Int32Array;
  /** Constant input per compartment added to u each step (`bias_int`). */
  readonly bias: Int32Array;
  /** Steps a spike holds the compartment (`refract_delay`, 1..63): v = 0 on the next delay-1 steps. */
  readonly refractDelay: number;
  /** Lowest voltage (`vmin_int`, e.g. 0). */
  readonly vmin: number;
  /** Highest voltage (`vmax_int`, e.g. 2^23 - 1). */
  readonly vmax: number;
}

/** A source of spikes from the host (Nengo Loihi's SpikeInput): `nAxons` axons, one per input neuron. */
export interface LoihiSpikeInput {
  /** Name used by synapses and by `step` to pass this input's spikes. */
  readonly label: string;
  /** Number of axons (input neurons). */
  readonly nAxons: number;
}

/**
 * Dense weights from every compartment (or input axon) of `source` to every compartment of
 * `target`, row-major `axons x compartments`: chip integers (`W_int`, spec §2.4) for the
 * integer emulator, floats for simreal.
 */
export interface DenseSynapse<W extends Int32Array | Float64Array> {
  /** Synapse kind; omitted means dense. */
  readonly kind?: 'dense';
  /** Label of a block or of a spike input. */
  readonly source: string;
  /** Label of the block whose compartments receive the weights. */
  readonly target: string;
  /** `weights[axon * nTarget + compartment]`; length = source size x target size. */
  readonly weights: W;
}

/** Any synapse the emulator delivers through: dense rows, a convolution's fan-out, or CSR sparse rows. */
export type EmulatorSynapse<W extends Int32Array | Float64Array> = DenseSynapse<W> | ConvSynapse<W> | SparseSynapse<W>;

/** Spike inputs, blocks and the synapses between them. */
export interface EmulatorNetwork<B, W extends Int32Array | Float64Array> {
  readonly inputs: readonly LoihiSpikeInput[];
  readonly blocks: readonly B[];
  readonly synapses: readonly EmulatorSynapse<W>[];
}

/** Integer synapse weights (`W_int`): dense, conv or sparse. */
export type LoihiEmulatorSynapse = EmulatorSynapse<Int32Array>;

/** A discretized network for `LoihiEmulator`. */
export type LoihiEmulatorNetwork = EmulatorNetwork<LoihiEmulatorBlock, Int32Array>;

/**
 * What the emulator does when q0, u or u2 leaves its register (21, 23, 23 bits + sign):
 * 'wrap' keeps the two's-complement wrapped value and records one warning per register;
 * 'strict' throws LOIHI_OVERFLOW ("Overflow in q0" / "Overflow in current" / "Overflow in u2").
 */
export type LoihiOverflowMode = 'wrap' | 'strict';
