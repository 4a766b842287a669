import type { FilterKernel } from '@snn/synapses';
import type { ValueSource } from './exec.js';

/**
 * A synapse on an edge, filtering the source's output before the target reads it. The
 * target reads the output of the previous step (`read`), and `update` advances the filter
 * with this step's source value after all nodes ran: Nengo's one-step synaptic delay.
 */
export class FilteredEdge implements ValueSource {
  private y: Float32Array;
  private state: Float32Array = new Float32Array(0);
  private n = 0;

  constructor(
    private readonly source: { readonly size: number; readonly value: Float32Array },
    private readonly kernel: FilterKernel,
    maxBatch: number,
  ) {
    this.y = new Float32Array(maxBatch * source.size);
  }

  get size(): number {
    return this.source.size;
  }

  read(): Float32Array {
    return this.y;
  }

  reset(batch: number): void {
    this.n = batch * this.source.size;
    this.y.fill(0);
    this.state = this.kernel.initState(this.n);
  }

  update(): void {
    this.kernel.step(this.source.value.subarray(0, this.n), this.y.subarray(0, this.n), this.state);
  }
}
