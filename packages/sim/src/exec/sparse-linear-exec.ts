import type { Shape } from '@snn/ir';
import type { LinearOp } from '../ops/linear-op.js';
import type { KernelArena } from '../wasm/sim-wasm.js';
import { activeList, collectNonzero, type ActivePtrs } from './active-list.js';
import type { ActiveSet, ActiveSource, ValueSource } from './exec.js';
import { LinearExec } from './linear-exec.js';

/**
 * A pool of a spiking population: computed like any linear node, then its nonzero outputs are
 * listed (SIMD kernel where the buffers are in kernel memory), so that the dense/conv it feeds
 * can scatter them event-driven as it would spikes. A pool of spikes is about as sparse as the
 * spikes (each pooled value is nonzero only where one of its inputs spiked).
 */
export class SparseLinearExec extends LinearExec implements ActiveSource {
  readonly active: ActiveSet;
  readonly activePtrs?: ActivePtrs;

  constructor(
    id: string,
    op: LinearOp,
    inputs: readonly ValueSource[],
    inShapes: readonly Shape[],
    outShape: Shape,
    maxBatch: number,
    arena: KernelArena,
  ) {
    super(id, op, inputs, inShapes, outShape, false, maxBatch, arena);
    ({ active: this.active, activePtrs: this.activePtrs } = activeList(this.value, arena));
  }

  override forward(batch: number): void {
    super.forward(batch);
    this.active.count = collectNonzero(this.value, batch * this.size, this.active, this.activePtrs);
  }
}
