/**
 * One compiled node of a plan. `value` holds the node's output for the current batch
 * (batch x size, C order). The run loop calls `reset` at the start of every batch,
 * `forward` once per batch for static nodes or once per step for dynamic ones, and
 * `update` after all forwards of a step (synaptic filters advance there, as Nengo's
 * "update" operators do, which gives the one-step delay of a filtered connection).
 */
export interface Exec {
  readonly id: string;
  readonly size: number;
  /** Output buffer; may be replaced by `reset` (aliases of upstream buffers). */
  value: Float32Array;
  /** Computed once per batch (constant input, no state, no filter on the way). */
  readonly isStatic: boolean;
  reset(batch: number): void;
  forward(batch: number): void;
  update?(batch: number): void;
  dispose?(): void;
}

/** Where an executor reads one of its inputs: a node's value or a filtered edge's output. */
export interface ValueSource {
  readonly size: number;
  read(): Float32Array;
}

/** Active (nonzero) outputs of a spiking population this step, shared by its consumers. */
export interface ActiveSet {
  count: number;
  readonly index: Int32Array;
  readonly value: Float32Array;
}

/**
 * An executor whose nonzero outputs are listed each step, for event-driven transforms: a
 * spiking population, or a pool of one (sparse too).
 */
export interface ActiveSource {
  readonly active: ActiveSet;
  /** Byte offsets of the value and the active lists in kernel memory, when the SIMD kernels can run. */
  readonly activePtrs?: { readonly value: number; readonly index: number; readonly activeValue: number };
}
