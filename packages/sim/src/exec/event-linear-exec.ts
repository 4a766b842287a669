import type { Shape } from '@snn/ir';
import { simWasm, type KernelArena } from '../wasm/sim-wasm.js';
import { SpikeTransformExec, type EventDrivenExec, type SpikeTransform } from './spike-transform.js';

/**
 * A dense or conv node fed straight (no synapse) by spiking neurons: `W·x + bias` this step,
 * `W·x` scattered from the active inputs or computed dense (see {@link SpikeTransform}). The
 * synapse-free form of `PostFilteredExec` (no filter, so no one-step delay).
 */
export class EventLinearExec extends SpikeTransformExec implements EventDrivenExec {
  readonly size: number;
  value: Float32Array;
  readonly isStatic = false;
  private readonly valuePtr: number;

  constructor(
    readonly id: string,
    transform: SpikeTransform,
    outShape: Shape,
    maxBatch: number,
    arena: KernelArena,
  ) {
    super(transform);
    this.size = outShape.reduce((a, b) => a * b, 1);
    this.value = arena.array(maxBatch * this.size);
    this.valuePtr = simWasm()?.offsetOf(this.value) ?? -1;
  }

  reset(): void {}

  forward(batch: number): void {
    this.transform.apply(batch, this.value.subarray(0, batch * this.size), this.valuePtr, true);
  }
}
