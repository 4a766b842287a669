import { samePadding, type GlobalPoolNode, type PoolNode, type Shape } from '@snn/ir';
import { gatedMaxPoolStep, gatedMaxPoolStepSparse, poolTaps, type PoolTaps } from '../kernels/gated-max-pool.js';
import type { KernelArena } from '../wasm/sim-wasm.js';
import { activeList, collectNonzero, type ActivePtrs } from './active-list.js';
import type { ActiveSet, ActiveSource, Exec, ValueSource } from './exec.js';

/**
 * A max pool (or global max pool) of time-varying input in spiking mode: per window it passes
 * on the input with the largest running total (see {@link gatedMaxPoolStep}) instead of the
 * per-step max, which on spike trains would pass a spike whenever any input spikes and
 * overstate the max rate. Lists its nonzero outputs so a dense/conv after it can run
 * event-driven.
 */
export class GatedMaxPoolExec implements Exec, ActiveSource {
  readonly size: number;
  readonly isStatic = false;
  value: Float32Array;
  readonly active: ActiveSet;
  readonly activePtrs?: ActivePtrs;
  private readonly totals: Float64Array;
  private readonly taps: PoolTaps;

  constructor(
    readonly id: string,
    node: PoolNode | GlobalPoolNode,
    private readonly input: ValueSource,
    inShape: Shape,
    outShape: Shape,
    maxBatch: number,
    arena: KernelArena,
    /** The input's own list of nonzero values, when it has one (spiking neurons): then only windows with a spike are evaluated. */
    private readonly inputActive?: ActiveSource,
  ) {
    this.size = outShape.reduce((a, b) => a * b, 1);
    this.value = arena.array(maxBatch * this.size);
    ({ active: this.active, activePtrs: this.activePtrs } = activeList(this.value, arena));
    this.totals = new Float64Array(maxBatch * input.size);
    const spatial = inShape.slice(0, -1);
    const channels = inShape[inShape.length - 1];
    if (node.kind === 'globalPool') {
      this.taps = poolTaps(spatial, channels, spatial, spatial.map(() => 1), spatial.map(() => 0), spatial.map(() => 1));
    } else {
      const padBefore = spatial.map((n, a) =>
        node.padding === 'valid' ? 0 : node.padding === 'same' ? samePadding(n, node.window[a], node.strides[a])[0] : node.padding[a][0],
      );
      this.taps = poolTaps(spatial, channels, node.window, node.strides, padBefore, outShape.slice(0, -1));
    }
  }

  reset(batch: number): void {
    this.totals.fill(0, 0, batch * this.input.size);
  }

  forward(batch: number): void {
    const x = this.input.read();
    if (this.inputActive) gatedMaxPoolStepSparse(x, this.totals, this.value, this.taps, batch, this.inputActive.active.index, this.inputActive.active.count);
    else gatedMaxPoolStep(x, this.totals, this.value, this.taps, batch);
    this.active.count = collectNonzero(this.value, batch * this.size, this.active, this.activePtrs);
  }
}
