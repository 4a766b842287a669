import type { Graph, SynapseSpec } from '@snn/ir';
import type { NeuronType } from '@snn/neurons';
import type { SynapseType } from '@snn/synapses';

/** Anything that looks neuron types up by name (e.g. `@snn/neurons`' NeuronRegistry). */
export interface NeuronLookup {
  get(name: string, where?: string): NeuronType;
}

/** Anything that looks synapse types up by name (e.g. `@snn/synapses`' SynapseRegistry). */
export interface SynapseLookup {
  get(name: string, where?: string): SynapseType;
}

/** How a simulation runs neuron nodes: `rate` applies every type's rate function; `spiking` steps spiking types. */
export type SimMode = 'rate' | 'spiking';

/** Options of {@link compile}. */
export interface CompileOptions {
  /** Neuron types by name. */
  readonly neurons: NeuronLookup;
  /** Synapse types by name. */
  readonly synapses: SynapseLookup;
  /** `rate` or `spiking` (default `spiking`). */
  readonly mode?: SimMode;
  /** Time step in seconds (default 0.001). */
  readonly dt?: number;
  /** Seed of initial neuron states (default 0). Equal seeds give equal runs. */
  readonly seed?: number;
  /**
   * Largest number of samples simulated together. Default: 100 in rate mode; in spiking mode
   * as many as keep the batch's state within ~16 MB, between 8 and 100 (see `autoBatchSize`).
   */
  readonly batchSize?: number;
  /**
   * How spike-driven transforms are computed: `auto` picks event-driven or dense per layer
   * and step from measured activity and cost; `dense` and `event` force one path.
   */
  readonly propagation?: 'auto' | 'dense' | 'event';
  /**
   * For `auto`: cost of one scattered (event-driven) multiply-add relative to one dense
   * multiply-add on the backend (default: measured per transform, 2.5 for convolutions with at
   * least 32 output channels, 10 for narrower ones, 5 for dense layers). The choice depends
   * only on activity, so runs repeat exactly for a seed.
   */
  readonly eventCostRatio?: number;
  /**
   * Arithmetic of spiking neuron steps: `float64` (default) runs each type's `step`,
   * bit-identical to the reference kernels; `float32` runs a type's `stepFloat32` where it
   * has one (SpikingRectifiedLinear, LIF): NengoDL's float32 arithmetic, on faster SIMD
   * kernels, close to but not bit-identical with `float64`. Runs repeat exactly either way.
   */
  readonly precision?: 'float64' | 'float32';
}

/** What a probe keeps of its node's output, so that memory stays bounded. */
export type ProbeKeep =
  | 'all'
  | 'last'
  | { readonly meanLast: number }
  | { readonly every: number };

/** A probe on a node's output. */
export interface ProbeSpec {
  /** Node id to record. */
  readonly node: string;
  /** What to keep (default `last`). */
  readonly keep?: ProbeKeep;
  /** Optional synaptic filter on the probe (delays by one step, as in Nengo). */
  readonly synapse?: SynapseSpec;
}

/** Options of a run. */
export interface RunOptions {
  /** Time steps per sample (default 1). */
  readonly nSteps?: number;
  /** Probes by name (default: every output node, keeping the last step). */
  readonly probes?: Readonly<Record<string, ProbeSpec>>;
  /** Called after each batch with samples done and total. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** Per-node activity of a run. */
export interface NodeStats {
  /** Mean firing rate over neurons, samples and steps (Hz). */
  readonly firingRateHz: number;
  /** Mean rate per neuron over samples and steps (Hz). */
  readonly perNeuronHz: Float32Array;
  /** Synaptic operations caused by this node's spikes: spikes x fan-out, summed over the run. */
  readonly synops: number;
  /** Spikes (spiking mode) or spike-equivalents (rate x dt, rate mode) summed over the run. */
  readonly spikes: number;
}

/** Result of a run. */
export interface RunResult {
  /** Probe data by probe name, shaped (samples, kept steps, ...node shape) in C order. */
  readonly probes: Record<string, { readonly shape: readonly number[]; readonly data: Float32Array }>;
  /** Activity of every neurons node, by node id. */
  readonly stats: Record<string, NodeStats>;
  /** Total synaptic operations of the run. */
  readonly synops: number;
  /** Samples simulated. */
  readonly samples: number;
  /** Steps per sample. */
  readonly nSteps: number;
  /** Things worth telling the user about this run (NengoDL's warnings), e.g. one step with synapses. */
  readonly warnings: readonly string[];
  /** How often each spike-driven transform ran event-driven vs dense, by node id. */
  readonly propagation: Record<string, { readonly event: number; readonly dense: number }>;
}

/**
 * Inputs by input node id: a `Float32Array` (samples x size) is constant over a sample's
 * presentation; `{ data, perStep: true }` gives every step (samples x nSteps x size, NengoDL's layout).
 */
export type SimInputs = Readonly<Record<string, Float32Array | { readonly data: Float32Array; readonly perStep: true }>>;

