import type { Shape } from '@snn/ir';
import type { FilterKernel } from '@snn/synapses';
import type { LinearOp } from '../ops/linear-op.js';
import type { Exec, ValueSource } from './exec.js';
import { runOp } from './linear-exec.js';
import type { NeuronsExec } from './neurons-exec.js';

/** An event-driven form of a transform: scatter the active inputs' weights into `out`. */
export type EventTransform = (source: NeuronsExec, out: Float32Array) => void;

/** How a spike-driven transform is computed. */
export type Propagation = 'auto' | 'dense' | 'event';

/**
 * A linear node fed through a synapse: it outputs `bias + filter(W·x)` with the filter's
 * previous-step value (Nengo filters the weighted signal of a connection and adds the
 * post bias unfiltered). `W·x` runs event-driven (scatter of spiking inputs) or dense on
 * the backend, chosen each step from the measured cost of both paths and this step's activity.
 */
export class PostFilteredExec implements Exec {
  readonly size: number;
  value: Float32Array;
  readonly isStatic = false;
  eventSteps = 0;
  denseSteps = 0;
  private readonly z: Float32Array;
  private readonly u: Float32Array;
  private state: Float32Array = new Float32Array(0);
  private n = 0;
  /** Measured seconds per active input (event path) and per step (dense path); NaN until tried. */
  private eventCostPerActive = Number.NaN;
  private denseCost = Number.NaN;
  private stepsSinceDense = 0;
  private stepsSinceEvent = 0;

  constructor(
    readonly id: string,
    private readonly op: LinearOp,
    private readonly input: ValueSource,
    private readonly inShape: Shape,
    outShape: Shape,
    private readonly kernel: FilterKernel,
    private readonly spikeSource: NeuronsExec | undefined,
    private readonly event: EventTransform | undefined,
    private readonly propagation: Propagation,
    maxBatch: number,
  ) {
    this.size = outShape.reduce((a, b) => a * b, 1);
    this.value = new Float32Array(maxBatch * this.size);
    this.z = new Float32Array(maxBatch * this.size);
    this.u = new Float32Array(maxBatch * this.size);
  }

  reset(batch: number): void {
    this.n = batch * this.size;
    this.z.fill(0);
    this.state = this.kernel.initState(this.n);
  }

  forward(batch: number): void {
    const n = batch * this.size;
    const bias = this.op.bias;
    if (!bias) {
      this.value.set(this.z.subarray(0, n));
      return;
    }
    const m = bias.length;
    for (let i = 0; i < n; i++) this.value[i] = this.z[i] + bias[i % m];
  }

  update(batch: number): void {
    const n = this.n;
    const u = this.u.subarray(0, n);
    if (this.useEvent()) {
      this.stepsSinceDense++;
      this.stepsSinceEvent = 0;
      const t0 = performance.now();
      u.fill(0);
      this.event!(this.spikeSource!, u);
      const count = this.spikeSource!.active.count;
      if (count > 0) this.eventCostPerActive = ema(this.eventCostPerActive, (performance.now() - t0) / count);
      this.eventSteps++;
    } else {
      const t0 = performance.now();
      u.set(runOp(this.op, [this.input], [this.inShape], batch, false));
      this.denseCost = ema(this.denseCost, performance.now() - t0);
      this.denseSteps++;
      this.stepsSinceDense = 0;
      this.stepsSinceEvent++;
    }
    this.kernel.step(u, this.z.subarray(0, n), this.state);
  }

  private useEvent(): boolean {
    if (!this.event || !this.spikeSource || this.propagation === 'dense') return false;
    if (this.propagation === 'event') return true;
    const active = this.spikeSource.active.count;
    if (Number.isNaN(this.eventCostPerActive) || active === 0) return true;
    // Measure the dense path once, then again now and then so the choice follows the
    // machine's current speed (shared machines drift).
    if (Number.isNaN(this.denseCost) || this.stepsSinceDense >= 128) return false;
    if (this.stepsSinceEvent >= 128) return true;
    return active * this.eventCostPerActive < this.denseCost;
  }
}

function ema(old: number, sample: number): number {
  return Number.isNaN(old) ? sample : 0.7 * old + 0.3 * sample;
}
