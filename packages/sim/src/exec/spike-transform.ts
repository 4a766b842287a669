import type { Shape } from '@snn/ir';
import type { LinearOp } from '../ops/linear-op.js';
import { simWasm, type KernelArena } from '../wasm/sim-wasm.js';
import type { ActiveSource, Exec, ValueSource } from './exec.js';
import { runOp } from './linear-exec.js';

/**
 * An event-driven form of a transform: scatter the active inputs' weights into `out`;
 * `outPtr` is `out`'s byte offset in kernel memory, or -1 (then the JS kernels run).
 */
export type EventTransform = (source: ActiveSource, out: Float32Array, outPtr: number) => void;

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

/** An executor with event-driven and dense paths, counting which one each step took. */
export interface EventDrivenExec extends Exec {
  readonly eventSteps: number;
  readonly denseSteps: number;
  readonly canRunEventDriven: boolean;
  /** Zero the step counters (start of a run). */
  clearCounts(): void;
}

/** Whether `e` chooses between event-driven and dense propagation. */
export function isEventDriven(e: Exec): e is EventDrivenExec {
  return 'eventSteps' in e && 'denseSteps' in e;
}

/**
 * `W·x` (optionally `+ bias`) of a dense/conv node whose input may be a spiking population:
 * scattered from the population's active list (event-driven) or computed dense on the
 * backend, chosen each step by the {@link PropagationPolicy}; counts the steps of each kind.
 */
export class SpikeTransform {
  eventSteps = 0;
  denseSteps = 0;
  /** Byte offset of the op's bias copied into kernel memory (for the SIMD bias add), or -1. */
  readonly biasPtr: number;

  constructor(
    readonly op: LinearOp,
    private readonly input: ValueSource,
    private readonly inShape: Shape,
    private readonly spikeSource: ActiveSource | undefined,
    private readonly event: EventTransform | undefined,
    private readonly policy: PropagationPolicy,
    arena: KernelArena,
    /** An executor that computes `input` and the spike source each step, before `apply` reads them. */
    private readonly feeder?: Exec,
  ) {
    const wasm = simWasm();
    this.biasPtr = wasm && op.bias ? wasm.offsetOf(arena.copy(op.bias)) : -1;
  }

  /** Whether the event path exists (a dense/conv fed by spiking neurons). */
  get canRunEventDriven(): boolean {
    return this.event !== undefined && this.spikeSource !== undefined;
  }

  /**
   * Write this step's `W·x` (+ bias when `withBias`) for `batch` samples into `out`;
   * `outIsZero` says `out` holds zeros already (the scatter then needs no fill).
   */
  apply(batch: number, out: Float32Array, outPtr: number, withBias: boolean, outIsZero = false): void {
    this.feeder?.forward(batch);
    if (this.useEvent(batch)) {
      if (!outIsZero) out.fill(0);
      this.event!(this.spikeSource!, out, outPtr);
      const bias = this.op.bias;
      if (withBias && bias) {
        if (outPtr >= 0 && this.biasPtr >= 0) simWasm()!.addBias(out.length, bias.length, outPtr, this.biasPtr);
        else addBias(out, bias);
      }
      this.eventSteps++;
    } else {
      out.set(runOp(this.op, [this.input], [this.inShape], batch, withBias));
      this.denseSteps++;
    }
  }

  /** Release the op (and the feeder's). */
  dispose(): void {
    this.op.dispose();
    this.feeder?.dispose?.();
  }

  private useEvent(batch: number): boolean {
    const p = this.policy;
    if (!this.event || !this.spikeSource || p.mode === 'dense') return false;
    if (p.mode === 'event') return true;
    return this.spikeSource.active.count * p.meanFanOut * p.eventCostRatio < p.denseMacsPerSample * batch;
  }
}

/** The step counters and disposal every executor built on a {@link SpikeTransform} shares. */
export abstract class SpikeTransformExec {
  constructor(protected readonly transform: SpikeTransform) {}

  get eventSteps(): number {
    return this.transform.eventSteps;
  }

  get denseSteps(): number {
    return this.transform.denseSteps;
  }

  /** Whether the transform has an event-driven path (a dense/conv fed by spiking neurons). */
  get canRunEventDriven(): boolean {
    return this.transform.canRunEventDriven;
  }

  clearCounts(): void {
    this.transform.eventSteps = 0;
    this.transform.denseSteps = 0;
  }

  dispose(): void {
    this.transform.dispose();
  }
}

/** `out[p * m + c] += bias[c]` for every pixel p (channels last, m = bias.length). */
export function addBias(out: Float32Array, bias: Float32Array): void {
  const m = bias.length;
  for (let p = 0, n = out.length; p < n; p += m) {
    for (let c = 0; c < m; c++) out[p + c] += bias[c];
  }
}
