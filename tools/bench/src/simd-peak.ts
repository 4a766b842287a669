import { simdPeakWasmBase64 } from './wasm/simd-peak.generated.js';

/** Chains, lanes and flops of one iteration of the peak loop (`wasm/simd-peak.wat`). */
const FLOPS_PER_ITERATION = 12 * 4 * 2;

/**
 * The WebAssembly SIMD (128-bit) arithmetic peak of one core of this machine, GFLOP/s: twelve
 * independent f32x4 multiply-add chains, timed after V8 has tiered the loop up to optimized
 * code; best of `runs`. The bound for snn's kernels, which run on the same f32x4 operations.
 */
export function simdPeakGflops(runs = 5): number {
  const bytes = Uint8Array.from(atob(simdPeakWasmBase64), (ch) => ch.charCodeAt(0));
  const run = new WebAssembly.Instance(new WebAssembly.Module(bytes)).exports.run as (n: number) => number;
  for (let i = 0; i < 50; i++) run(100_000); // tier up from the baseline compiler
  const iterations = 20_000_000;
  let best = Infinity;
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    run(iterations);
    best = Math.min(best, (performance.now() - t) / 1000);
  }
  return (iterations * FLOPS_PER_ITERATION) / best / 1e9;
}
