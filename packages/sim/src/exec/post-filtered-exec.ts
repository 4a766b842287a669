import type { Shape } from '@snn/ir';
import type { FilterKernel, LinearKernel } from '@snn/synapses';
import { simWasm, type KernelArena } from '../wasm/sim-wasm.js';
import { addBias, SpikeTransformExec, type EventDrivenExec, type SpikeTransform } from './spike-transform.js';

/** A filtered transform's output as its reader can compute it (see `PostFilteredExec.filteredOutput`). */
export interface FilteredOutput {
  readonly zPtr: number;
  readonly biasPtr: number;
  readonly biasLength: number;
  /** The one-state filter's step the reader runs before reading `z`, when it is fused in. */
  readonly lowpass?: { readonly uPtr: number; readonly a: number; readonly b: number };
}

/**
 * A linear node fed through a synapse: it outputs `bias + filter(W·x)` with the filter's
 * previous-step value (Nengo filters the weighted signal of a connection and adds the
 * post bias unfiltered). `W·x` runs event-driven (scatter of spiking inputs) or dense on
 * the backend (see {@link SpikeTransform}).
 */
export class PostFilteredExec extends SpikeTransformExec implements EventDrivenExec {
  readonly size: number;
  value: Float32Array;
  readonly isStatic = false;
  private readonly z: Float32Array;
  private readonly u: Float32Array;
  private readonly uPtr: number;
  private readonly oneX?: { readonly a: number; readonly b: number; readonly zPtr: number };
  /** The filter's state, made when a step first needs it (the fused lowpass path never does). */
  private state?: Float32Array;
  private readonly valuePtr: number;
  private n = 0;
  /** Whether `u` holds zeros (after `reset` and after the SIMD lowpass, which consumes it). */
  private uIsZero = false;
  /** Set by {@link PostFilteredExec.fuseInto}: the one reader computes from `z` itself. */
  private valueUnread = false;

  constructor(
    readonly id: string,
    transform: SpikeTransform,
    outShape: Shape,
    private readonly kernel: FilterKernel,
    maxBatch: number,
    arena: KernelArena,
  ) {
    super(transform);
    this.size = outShape.reduce((a, b) => a * b, 1);
    this.z = arena.array(maxBatch * this.size);
    // without a bias the output is the filter's value itself: consumers and probes read it
    // before `update` advances the filter, so no copy is needed
    this.value = transform.op.bias ? arena.array(maxBatch * this.size) : this.z;
    // a one-state filter (lowpass) runs as `z = a z + b u` in place, with SIMD where possible
    const linear = kernel as Partial<LinearKernel>;
    const zPtr = simWasm()?.offsetOf(this.z) ?? -1;
    this.oneX = linear.form === 'oneX' && linear.system && zPtr >= 0 ? { a: linear.system.A[0][0], b: linear.system.C[0] * linear.system.B[0], zPtr } : undefined;
    this.u = arena.array(maxBatch * this.size);
    this.uPtr = simWasm()?.offsetOf(this.u) ?? -1;
    // value = z + bias with the SIMD kernel where both live in kernel memory
    this.valuePtr = transform.biasPtr >= 0 ? (simWasm()?.offsetOf(this.value) ?? -1) : -1;
  }

  /**
   * Where a reader can compute this node's output as `z + t` (the filter state and the
   * transform's bias, both in kernel memory) instead of reading `value`, or undefined: no bias,
   * no SIMD kernels, or a bias whose length is not a multiple of 4 dividing the output size.
   * With `lowpass`, the reader also takes over the filter's step (`z = a z + b u`, u zeroed)
   * when it is fused in (see {@link PostFilteredExec.fuseInto}).
   */
  get filteredOutput(): FilteredOutput | undefined {
    const bias = this.transform.op.bias;
    const zPtr = simWasm()?.offsetOf(this.z) ?? -1;
    if (!bias || zPtr < 0 || this.transform.biasPtr < 0 || bias.length % 4 !== 0 || this.size % bias.length !== 0) return undefined;
    const lowpass = this.oneX && this.uPtr >= 0 ? { uPtr: this.uPtr, a: this.oneX.a, b: this.oneX.b } : undefined;
    return { zPtr, biasPtr: this.transform.biasPtr, biasLength: bias.length, ...(lowpass ? { lowpass } : {}) };
  }

  /**
   * Stop (true) or resume (false) writing `value` and stepping a lowpass filter: the only
   * reader computes from {@link filteredOutput}, steps the filter itself, and no probe reads `value`.
   */
  fuseInto(on: boolean): void {
    this.valueUnread = on;
  }

  reset(batch: number): void {
    this.n = batch * this.size;
    this.z.fill(0);
    this.u.fill(0);
    this.uIsZero = true;
    this.state = undefined;
  }

  forward(batch: number): void {
    const n = batch * this.size;
    const bias = this.transform.op.bias;
    if (!bias || this.valueUnread) return;
    this.value.set(this.z.subarray(0, n));
    if (this.valuePtr >= 0) simWasm()!.addBias(n, bias.length, this.valuePtr, this.transform.biasPtr);
    else addBias(this.value.subarray(0, n), bias);
  }

  update(batch: number): void {
    const n = this.n;
    const u = this.u.subarray(0, n);
    this.transform.apply(batch, u, this.uPtr, false, this.uIsZero);
    this.uIsZero = this.oneX !== undefined && this.uPtr >= 0;
    // fused: the reader steps the lowpass (and zeroes u) before it reads z next step
    if (this.uIsZero && this.valueUnread) return;
    if (this.uIsZero) simWasm()!.lowpass(n, this.uPtr, this.oneX!.zPtr, this.oneX!.a, this.oneX!.b);
    else this.kernel.step(u, this.z.subarray(0, n), (this.state ??= this.kernel.initState(this.n)));
  }
}
