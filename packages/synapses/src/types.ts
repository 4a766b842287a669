import type { SynapseSpec } from '@snn/ir';

/** Schema of one synapse parameter. */
export interface SynapseParamSpec {
  readonly default?: number;
  readonly min?: number;
  readonly doc: string;
}

/**
 * A synaptic filter discretized for one `dt`, running over `n` channels at once.
 * `step(u, y, state)` takes this step's input `u` and writes this step's output `y`
 * (Nengo's filter forms: `y[t]` depends on `u[t]`); the graph-level one-step delay is
 * the simulator's business, not the filter's. Allocation-free.
 */
export interface FilterKernel {
  /** Number of state variables per channel. */
  readonly order: number;
  /** Zeroed state for `n` channels (length `n * max(order, 1)`). */
  initState(n: number): Float32Array;
  /** One step over all channels: input `u`, output `y` (length n), state updated in place. */
  step(u: Float32Array, y: Float32Array, state: Float32Array): void;
}

/** A synapse type: a plain object registered by name. */
export interface SynapseType {
  /** Registry name, e.g. `lowpass`. */
  readonly name: string;
  /** Numeric parameter schema (seconds for time constants). */
  readonly params: Readonly<Record<string, SynapseParamSpec>>;
  /** Discretize `spec` for time step `dt` (seconds) into a step kernel. */
  discretize(spec: SynapseSpec, dt: number): FilterKernel;
}
