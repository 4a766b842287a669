import type { Shape } from '@snn/ir';
import { collectActive } from '../kernels/collect-active.js';
import type { LinearOp } from '../ops/linear-op.js';
import { simWasm, type KernelArena } from '../wasm/sim-wasm.js';
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
  readonly activePtrs?: { readonly value: number; readonly index: number; readonly activeValue: number };

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
    this.active = { count: 0, index: arena.index(maxBatch * this.size), value: arena.array(maxBatch * this.size) };
    const wasm = simWasm();
    const ptrs = wasm ? [this.value, this.active.index, this.active.value].map((a) => wasm.offsetOf(a)) : [];
    this.activePtrs = ptrs.length && ptrs.every((p) => p >= 0) ? { value: ptrs[0], index: ptrs[1], activeValue: ptrs[2] } : undefined;
  }

  override forward(batch: number): void {
    super.forward(batch);
    const n = batch * this.size;
    const p = this.activePtrs;
    const a = this.active;
    a.count = p ? simWasm()!.collectActive(n, p.value, p.index, p.activeValue) : collectActive(this.value, n, a.index, a.value);
  }
}
