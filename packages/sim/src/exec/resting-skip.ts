import type { NeuronState, NeuronType } from '@snn/neurons';
import { simWasm, type KernelArena } from '../wasm/sim-wasm.js';
import type { ActiveSet } from './exec.js';
import { collectNonzero } from './active-list.js';

/** A neuron type's rest rule (see `NeuronType.restsWhen`). */
export type RestRule = NonNullable<NeuronType['restsWhen']>;

/**
 * Skips the resting neurons of a spiking population whose current is constant over a batch
 * (input computed once, no synapse): after the first step, the neurons that the type's
 * `restsWhen` rule holds at rest stay so for the whole batch, so only the others are stepped.
 * Their currents and states are packed in place to the front of the population's arrays
 * (the next batch's reset rebuilds the full arrays) and their spikes mapped back to
 * population indices. Bit-identical with stepping every neuron.
 */
export class RestingSkip {
  /** Packed position -> index in the batch's population arrays. */
  private readonly moving: Int32Array;
  /** The packed neurons' outputs (the population's `value` keeps the full layout). */
  private readonly packedOut: Float32Array;
  /** Byte offsets of the active list, the moving map and the dense value, when all are in kernel memory. */
  private readonly ptrs?: { readonly index: number; readonly value: number; readonly moving: number; readonly out: number };
  private count = -1;
  private packedJ: Float32Array = new Float32Array(0);
  private packedState: NeuronState = {};

  constructor(
    private readonly rest: RestRule,
    capacity: number,
    arena: KernelArena,
    /** The population's dense output and active list, which each packed step rewrites. */
    private readonly value: Float32Array,
    private readonly active: ActiveSet,
  ) {
    this.moving = arena.index(capacity);
    this.packedOut = arena.array(capacity);
    const wasm = simWasm();
    const ptrs = wasm ? [active.index, active.value, this.moving, value].map((a) => wasm.offsetOf(a)) : [];
    if (ptrs.length === 4 && ptrs.every((p) => p >= 0)) this.ptrs = { index: ptrs[0], value: ptrs[1], moving: ptrs[2], out: ptrs[3] };
  }

  /** Whether the batch's neurons are packed (steps go through {@link RestingSkip.step}). */
  get packed(): boolean {
    return this.count >= 0;
  }

  /** Forget the packing (a new batch). */
  reset(): void {
    this.count = -1;
  }

  /** After the batch's first step: pack the `n` neurons not at rest (`J` and `state` in place). */
  pack(J: Float32Array, state: NeuronState, n: number): void {
    const names = Object.keys(state);
    const wasm = simWasm();
    const ptrs = wasm && names.length === 1 ? [J, state[names[0]], this.moving].map((a) => wasm.offsetOf(a)) : [];
    const range = this.rest.state[names[0]] ?? [-Infinity, Infinity];
    if (wasm && ptrs.length === 3 && ptrs.every((p) => p >= 0)) {
      this.count = wasm.packResting(n, ptrs[0], ptrs[1], this.rest.inputAtMost, range[0], range[1], ptrs[2]);
    } else {
      this.count = packJs(J, state, n, this.rest, this.moving);
    }
    this.packedJ = J.subarray(0, this.count);
    this.packedState = Object.fromEntries(names.map((k) => [k, state[k].subarray(0, this.count)]));
  }

  /**
   * One step of the packed neurons with `stepPacked` (which steps the given `J`, `out` and
   * `state` and lists nonzero outputs into the active list by packed position, or returns -1 to
   * have them collected here); the previous step's spikes are cleared from the dense value and
   * this step's written there, and the active list ends up listing population indices.
   */
  step(stepPacked: (J: Float32Array, out: Float32Array, state: NeuronState) => number): void {
    const { active, value, ptrs: p } = this;
    if (p) simWasm()!.clearListed(active.count, p.index, p.out);
    else for (let k = 0; k < active.count; k++) value[active.index[k]] = 0;
    const out = this.packedOut.subarray(0, this.count);
    let count = stepPacked(this.packedJ, out, this.packedState);
    if (count < 0) count = collect(out, this.count, active);
    if (p) simWasm()!.unpackSpikes(count, p.index, p.value, p.moving, p.out);
    else {
      for (let k = 0; k < count; k++) {
        const i = this.moving[active.index[k]];
        active.index[k] = i;
        value[i] = active.value[k];
      }
    }
    active.count = count;
  }
}

/** {@link RestingSkip.pack} for any number of state variables, in JS. */
function packJs(J: Float32Array, state: NeuronState, n: number, rest: RestRule, moving: Int32Array): number {
  const ranges = Object.entries(rest.state).map(([k, [lo, hi]]) => ({ s: state[k], lo, hi }));
  const arrays = [J, ...Object.values(state)];
  let count = 0;
  for (let i = 0; i < n; i++) {
    let rests = J[i] <= rest.inputAtMost;
    for (let r = 0; rests && r < ranges.length; r++) rests = ranges[r].s[i] >= ranges[r].lo && ranges[r].s[i] < ranges[r].hi;
    if (rests) continue;
    for (const a of arrays) a[count] = a[i];
    moving[count++] = i;
  }
  return count;
}

function collect(out: Float32Array, n: number, active: ActiveSet): number {
  const wasm = simWasm();
  const [value, index, activeValue] = wasm ? [out, active.index, active.value].map((a) => wasm.offsetOf(a)) : [-1, -1, -1];
  return collectNonzero(out, n, active, value >= 0 && index >= 0 && activeValue >= 0 ? { value, index, activeValue } : undefined);
}
