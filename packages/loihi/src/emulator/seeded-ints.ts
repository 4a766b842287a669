/**
 * `n` seeded uniform integers in [lo, hi] (mulberry32): reproducible random weights and spike
 * patterns for tests and benchmarks.
 */
export function seededInts(seed: number, n: number, lo: number, hi: number): Int32Array {
  let a = seed >>> 0;
  return Int32Array.from({ length: n }, () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return lo + Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * (hi - lo + 1));
  });
}
