import type { Shape } from '@snn/ir';
import type { FilterKernel, LinearKernel } from '@snn/synapses';
import type { LinearOp } from '../ops/linear-op.js';
import type { Exec, ValueSource } from './exec.js';
import { runOp } from './linear-exec.js';
import { simWasm, type KernelArena } from '../wasm/sim-wasm.js';
import type { NeuronsExec } from './neurons-exec.js';

/**
 * An event-driven form of a transform: scatter the active inputs' weights into `out`;
 * `outPtr` is `out`'s byte offset in kernel memory, or -1 (then the JS kernels run).
 */
export type EventTransform = (source: NeuronsExec, out: Float32Array, outPtr: number) => void;

/**
 * How a spike-driven transform is computed: `mode` forces a path or (`auto`) picks, each
 * step, event-driven propagation when `active spikes x meanFanOut x eventCostRatio` is
 * below the dense transform's multiply-adds (`denseMacsPerSample x batch`). The choice
 * depends only on the data, never on timing, so runs repeat exactly for a seed.
 */
export interface PropagationPolicy {
  readonly mode: 'auto' | 'dense' | 'event';
  /** Cost of one scattered multiply-add relative to one dense (SIMD) multiply-add. */
  readonly eventCostRatio: number;
  readonly denseMacsPerSample: number;
  readonly meanFanOut: number;
}

/**
 * A linear node fed through a synapse: it outputs `bias + filter(W·x)` with the filter's
 * previous-step value (Nengo filters the weighted signal of a connection and adds the
 * post bias unfiltered). `W·x` runs event-driven (scatter of spiking inputs) or dense on
 * the backend, chosen each step by a {@link PropagationPolicy} from this step's activity.
 */
export class PostFilteredExec implements Exec {
  readonly size: number;
  value: Float32Array;
  readonly isStatic = false;
  eventSteps = 0;
  denseSteps = 0;
  private readonly z: Float32Array;
  private readonly u: Float32Array;
  private readonly uPtr: number;
  private readonly oneX?: { readonly a: number; readonly b: number; readonly zPtr: number };
  private state: Float32Array = new Float32Array(0);
  private n = 0;

  constructor(
    readonly id: string,
    private readonly op: LinearOp,
    private readonly input: ValueSource,
    private readonly inShape: Shape,
    outShape: Shape,
    private readonly kernel: FilterKernel,
    private readonly spikeSource: NeuronsExec | undefined,
    private readonly event: EventTransform | undefined,
    private readonly policy: PropagationPolicy,
    maxBatch: number,
    arena: KernelArena,
  ) {
    this.size = outShape.reduce((a, b) => a * b, 1);
    this.z = arena.array(maxBatch * this.size);
    // without a bias the output is the filter's value itself: consumers and probes read it
    // before `update` advances the filter, so no copy is needed
    this.value = op.bias ? arena.array(maxBatch * this.size) : this.z;
    // a one-state filter (lowpass) runs as `z = a z + b u` in place, with SIMD where possible
    const linear = kernel as Partial<LinearKernel>;
    const zPtr = simWasm()?.offsetOf(this.z) ?? -1;
    this.oneX = linear.form === 'oneX' && linear.system && zPtr >= 0 ? { a: linear.system.A[0][0], b: linear.system.C[0] * linear.system.B[0], zPtr } : undefined;
    this.u = arena.array(maxBatch * this.size);
    this.uPtr = simWasm()?.offsetOf(this.u) ?? -1;
  }

  reset(batch: number): void {
    this.n = batch * this.size;
    this.z.fill(0);
    this.state = this.kernel.initState(this.n);
  }

  forward(batch: number): void {
    const n = batch * this.size;
    const bias = this.op.bias;
    if (!bias) return;
    const m = bias.length;
    for (let i = 0; i < n; i++) this.value[i] = this.z[i] + bias[i % m];
  }

  update(batch: number): void {
    const n = this.n;
    const u = this.u.subarray(0, n);
    if (this.useEvent(batch)) {
      u.fill(0);
      this.event!(this.spikeSource!, u, this.uPtr);
      this.eventSteps++;
    } else {
      u.set(runOp(this.op, [this.input], [this.inShape], batch, false));
      this.denseSteps++;
    }
    if (this.oneX && this.uPtr >= 0) simWasm()!.lowpass(n, this.uPtr, this.oneX.zPtr, this.oneX.a, this.oneX.b);
    else this.kernel.step(u, this.z.subarray(0, n), this.state);
  }

  /** Whether this transform has an event-driven path (a dense/conv fed by spiking neurons). */
  get canRunEventDriven(): boolean {
    return this.event !== undefined && this.spikeSource !== undefined;
  }

  private useEvent(batch: number): boolean {
    const p = this.policy;
    if (!this.event || !this.spikeSource || p.mode === 'dense') return false;
    if (p.mode === 'event') return true;
    return this.spikeSource.active.count * p.meanFanOut * p.eventCostRatio < p.denseMacsPerSample * batch;
  }
}
