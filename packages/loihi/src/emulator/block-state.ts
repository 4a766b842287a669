/** One block's state for all samples, flat `samples x compartments`. */
export interface BlockState<A extends Int32Array | Float64Array> {
  /** Input buffer q (the one delay slot), zeroed each step. */
  readonly input: A;
  /** Current u. */
  readonly current: A;
  /** Voltage v. */
  readonly voltage: A;
  /** Steps left in the refractory period. */
  readonly refCount: Int32Array;
  /** 1 where the compartment spiked on the last step. */
  readonly spiked: Uint8Array;
  /** Spikes per compartment since creation or the last reset. */
  readonly spikeCount: Uint32Array;
}

/** Zeroed state for `size` = samples x compartments. */
export function createBlockState<A extends Int32Array | Float64Array>(
  size: number,
  make: (n: number) => A,
): BlockState<A> {
  return {
    input: make(size),
    current: make(size),
    voltage: make(size),
    refCount: new Int32Array(size),
    spiked: new Uint8Array(size),
    spikeCount: new Uint32Array(size),
  };
}
