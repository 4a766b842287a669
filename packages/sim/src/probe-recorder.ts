import type { FilterKernel } from '@snn/synapses';
import type { ProbeKeep } from './options.js';

/**
 * Records one node's output into a bounded buffer shaped (samples, kept steps, size):
 * every step, the last step, the mean of the last k steps, or every k-th step.
 * An optional synapse filters the probed signal with Nengo's one-step delay.
 */
export class ProbeRecorder {
  readonly data: Float32Array;
  readonly keptSteps: number;
  private readonly every: number;
  private readonly meanFrom: number;
  private filtered: Float32Array = new Float32Array(0);
  private state: Float32Array = new Float32Array(0);
  private previous: Float32Array = new Float32Array(0);
  private sample0 = 0;
  private batch = 0;

  constructor(
    readonly size: number,
    samples: number,
    private readonly nSteps: number,
    keep: ProbeKeep,
    private readonly kernel?: FilterKernel,
  ) {
    if (keep === 'all') {
      this.every = 1;
      this.meanFrom = -1;
    } else if (keep === 'last') {
      this.every = 0;
      this.meanFrom = nSteps - 1;
    } else if ('meanLast' in keep) {
      this.every = 0;
      this.meanFrom = nSteps - Math.min(Math.max(1, keep.meanLast), nSteps);
    } else {
      this.every = Math.max(1, keep.every);
      this.meanFrom = -1;
    }
    this.keptSteps = this.every > 0 ? Math.floor(nSteps / this.every) : 1;
    this.data = new Float32Array(samples * this.keptSteps * size);
  }

  /** Start a batch of `batch` samples beginning at sample `sample0`. */
  startBatch(sample0: number, batch: number): void {
    this.sample0 = sample0;
    this.batch = batch;
    if (this.kernel) {
      this.filtered = new Float32Array(batch * this.size);
      this.previous = new Float32Array(batch * this.size);
      this.state = this.kernel.initState(batch * this.size);
    }
  }

  /** Record step `t` (0-based) of the current batch from `value` (batch x size). */
  record(t: number, value: Float32Array): void {
    const n = this.batch * this.size;
    let v = value;
    if (this.kernel) {
      // the probe sees the filter output of the previous step, then the filter advances.
      this.previous.set(this.filtered);
      v = this.previous;
      this.kernel.step(value.subarray(0, n), this.filtered, this.state);
    }
    const size = this.size;
    const kept = this.keptSteps;
    if (this.every > 0) {
      if ((t + 1) % this.every !== 0) return;
      const k = (t + 1) / this.every - 1;
      for (let b = 0; b < this.batch; b++) {
        const dst = ((this.sample0 + b) * kept + k) * size;
        this.data.set(v.subarray(b * size, (b + 1) * size), dst);
      }
      return;
    }
    if (t < this.meanFrom) return;
    const w = 1 / (this.nSteps - this.meanFrom);
    for (let b = 0; b < this.batch; b++) {
      const dst = (this.sample0 + b) * size;
      const src = b * size;
      if (t === this.meanFrom) for (let i = 0; i < size; i++) this.data[dst + i] = v[src + i] * w;
      else for (let i = 0; i < size; i++) this.data[dst + i] += v[src + i] * w;
    }
  }
}
