import type { KernelArena } from '../wasm/sim-wasm.js';
import { activeList, collectNonzero, type ActivePtrs } from './active-list.js';
import type { ActiveSet, ActiveSource, Exec } from './exec.js';
import type { InputExec } from './linear-exec.js';

/**
 * The nonzero values of a constant input (e.g. an image's lit pixels: about a fifth of an
 * MNIST image), listed once per batch, so that the dense/conv node it feeds can scatter them
 * instead of running the whole transform (see `SpikeTransform`, which picks either path by
 * activity). Runs as that transform's feeder.
 */
export class InputListExec implements Exec, ActiveSource {
  readonly id: string;
  readonly size: number;
  readonly isStatic = true;
  readonly active: ActiveSet;
  readonly activePtrs?: ActivePtrs;

  constructor(
    private readonly input: InputExec,
    arena: KernelArena,
  ) {
    this.id = `${input.id}/nonzero`;
    this.size = input.size;
    ({ active: this.active, activePtrs: this.activePtrs } = activeList(input.value, arena));
  }

  get value(): Float32Array {
    return this.input.value;
  }

  reset(): void {}

  forward(batch: number): void {
    this.active.count = collectNonzero(this.input.value, batch * this.size, this.active, this.activePtrs);
  }
}
