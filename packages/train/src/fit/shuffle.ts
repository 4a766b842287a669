import type { Rng } from '@snn/ir';

/** `0 .. n-1` in a seeded random order (Fisher-Yates), or in order when `rng` is undefined. */
export function permutation(n: number, rng?: Rng): Int32Array {
  const p = new Int32Array(n);
  for (let i = 0; i < n; i++) p[i] = i;
  if (!rng) return p;
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = p[i];
    p[i] = p[j];
    p[j] = t;
  }
  return p;
}
