import { collectActive } from '../kernels/collect-active.js';
import { simWasm, type KernelArena } from '../wasm/sim-wasm.js';
import type { ActiveSet, ActiveSource } from './exec.js';

/** Byte offsets of a value buffer and its active lists in kernel memory (see {@link ActiveSource}). */
export type ActivePtrs = NonNullable<ActiveSource['activePtrs']>;

/**
 * An empty active list for the values in `value` (room for all of them, in kernel memory where
 * there is one), and the byte offsets the SIMD kernels need when everything lives there.
 */
export function activeList(value: Float32Array, arena: KernelArena): { active: ActiveSet; activePtrs?: ActivePtrs } {
  const active = { count: 0, index: arena.index(value.length), value: arena.array(value.length) };
  const wasm = simWasm();
  const ptrs = wasm ? [value, active.index, active.value].map((a) => wasm.offsetOf(a)) : [];
  const activePtrs = ptrs.length && ptrs.every((p) => p >= 0) ? { value: ptrs[0], index: ptrs[1], activeValue: ptrs[2] } : undefined;
  return { active, activePtrs };
}

/** List the nonzero entries of `value[0..n)` into `active` (SIMD kernel with `ptrs`); returns how many. */
export function collectNonzero(value: Float32Array, n: number, active: ActiveSet, ptrs: ActivePtrs | undefined): number {
  return ptrs ? simWasm()!.collectActive(n, ptrs.value, ptrs.index, ptrs.activeValue) : collectActive(value, n, active.index, active.value);
}
