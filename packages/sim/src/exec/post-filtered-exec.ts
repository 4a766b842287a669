import type { Shape } from '@snn/ir';
import type { FilterKernel, LinearKernel } from '@snn/synapses';
import { simWasm, type KernelArena } from '../wasm/sim-wasm.js';
import { addBias, SpikeTransformExec, type EventDrivenExec, type SpikeTransform } from './spike-transform.js';

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
  private state: Float32Array = new Float32Array(0);
  private readonly valuePtr: number;
  private n = 0;

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

  reset(batch: number): void {
    this.n = batch * this.size;
    this.z.fill(0);
    this.state = this.kernel.initState(this.n);
  }

  forward(batch: number): void {
    const n = batch * this.size;
    const bias = this.transform.op.bias;
    if (!bias) return;
    this.value.set(this.z.subarray(0, n));
    if (this.valuePtr >= 0) simWasm()!.addBias(n, bias.length, this.valuePtr, this.transform.biasPtr);
    else addBias(this.value.subarray(0, n), bias);
  }

  update(batch: number): void {
    const n = this.n;
    const u = this.u.subarray(0, n);
    this.transform.apply(batch, u, this.uPtr, false);
    if (this.oneX && this.uPtr >= 0) simWasm()!.lowpass(n, this.uPtr, this.oneX.zPtr, this.oneX.a, this.oneX.b);
    else this.kernel.step(u, this.z.subarray(0, n), this.state);
  }
}
