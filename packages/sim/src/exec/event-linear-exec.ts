import type { Shape } from '@snn/ir';
import { simWasm, type KernelArena } from '../wasm/sim-wasm.js';
import { SpikeTransformExec, type EventDrivenExec, type SpikeTransform } from './spike-transform.js';

/**
 * A dense or conv node fed straight (no synapse) by spiking neurons, or by a constant input
 * whose nonzero values are listed: `W·x + bias` this step (once per batch for the constant
 * input), `W·x` scattered from the active inputs or computed dense (see {@link SpikeTransform}).
 * The synapse-free form of `PostFilteredExec` (no filter, so no one-step delay).
 */
export class EventLinearExec extends SpikeTransformExec implements EventDrivenExec {
  readonly size: number;
  value: Float32Array;
  private readonly valuePtr: number;

  constructor(
    readonly id: string,
    transform: SpikeTransform,
    outShape: Shape,
    maxBatch: number,
    arena: KernelArena,
    /** Fed by a constant input (its nonzero values, see `InputListExec`): computed once per batch. */
    readonly isStatic = false,
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
