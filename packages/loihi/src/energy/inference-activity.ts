/**
 * What one inference does on the chip and as an ANN, counted per inference (one sample):
 * the inputs of {@link estimateEnergy}.
 */
export interface InferenceActivity {
  /** Time steps the sample is presented for. */
  readonly steps: number;
  /** On-chip compartments (neurons); each is updated once per step. */
  readonly compartments: number;
  /** Spikes delivered to on-chip synapses (including spikes entering from off-chip layers). */
  readonly spikes: number;
  /** Synaptic operations: each delivered spike times the fan-out of its neuron. */
  readonly synapticOps: number;
  /**
   * Spike messages routed between cores (one per spike per destination core). Defaults to
   * `spikes`, one destination core per spike.
   */
  readonly spikesRouted?: number;
  /** Neuron updates in which the compartment was active; unknown by default (the estimate gives a range). */
  readonly activeNeuronUpdates?: number;
  /** Tile hops of the routed spikes (needs a placement on the mesh); 0 when not given. */
  readonly tileHops?: { readonly eastWest: number; readonly northSouth: number };
  /** Multiply-accumulates of the same network run once as an ANN. */
  readonly macs: number;
}

/** Neuron updates of an inference: every compartment, every step. */
export function neuronUpdates(a: InferenceActivity): number {
  return a.compartments * a.steps;
}
