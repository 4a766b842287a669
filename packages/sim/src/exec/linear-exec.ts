import * as tf from '@tensorflow/tfjs-core';
import type { Shape } from '@snn/ir';
import type { LinearOp } from '../ops/linear-op.js';
import type { KernelArena } from '../wasm/sim-wasm.js';
import type { Exec, ValueSource } from './exec.js';

/**
 * A linear node computed with tfjs ops on the backend (upload inputs, run, download into a
 * buffer in kernel memory, so that the SIMD kernels can read it, e.g. a population's gain and
 * bias).
 */
export class LinearExec implements Exec {
  readonly size: number;
  value: Float32Array;

  constructor(
    readonly id: string,
    private readonly op: LinearOp,
    private readonly inputs: readonly ValueSource[],
    private readonly inShapes: readonly Shape[],
    outShape: Shape,
    readonly isStatic: boolean,
    maxBatch: number,
    arena: KernelArena,
  ) {
    this.size = outShape.reduce((a, b) => a * b, 1);
    this.value = arena.array(maxBatch * this.size);
  }

  reset(): void {}

  forward(batch: number): void {
    const result = runOp(this.op, this.inputs, this.inShapes, batch, true);
    this.value.set(result);
  }

  dispose(): void {
    this.op.dispose();
  }
}

/** Run a compiled op on `batch` samples of the given sources and download the result. */
export function runOp(
  op: LinearOp,
  sources: readonly ValueSource[],
  inShapes: readonly Shape[],
  batch: number,
  withBias: boolean,
): Float32Array {
  const xs = sources.map((s, i) => tf.tensor(s.read().subarray(0, batch * s.size), [batch, ...inShapes[i]], 'float32'));
  const y = withBias ? op.apply(xs) : op.applyNoBias(xs);
  const data = y.dataSync() as Float32Array;
  y.dispose();
  xs.forEach((x) => x.dispose());
  return data;
}

/** A node whose output is its single input's buffer (reshape, output): no copy, no work. */
export class AliasExec implements Exec {
  value: Float32Array;
  constructor(
    readonly id: string,
    private readonly input: ValueSource,
    readonly isStatic: boolean,
  ) {
    this.value = new Float32Array(0);
  }
  get size(): number {
    return this.input.size;
  }
  reset(): void {
    this.value = this.input.read();
  }
  forward(): void {
    this.value = this.input.read();
  }
}

/** An input node: its value is loaded by the run loop from the user's data. */
export class InputExec implements Exec {
  value: Float32Array;
  constructor(
    readonly id: string,
    readonly size: number,
    readonly isStatic: boolean,
    maxBatch: number,
    /** Where the value lives: kernel memory, so that its nonzero entries can be listed and scattered. */
    arena: KernelArena,
  ) {
    this.value = arena.array(maxBatch * size);
  }
  reset(): void {}
  forward(): void {}
}
