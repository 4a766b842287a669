/**
 * A small seeded pseudo-random generator (PCG-XSH-RR style on 32-bit state pairs, via
 * Math.imul) so that every run repeats exactly for a seed, in Node and in browsers.
 */
export interface Rng {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform float in [low, high). */
  uniform(low: number, high: number): number;
  /** Standard normal sample (Box-Muller). */
  normal(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Fill `out` with uniform floats in [low, high). */
  fillUniform(out: Float32Array, low: number, high: number): Float32Array;
  /** A new independent generator derived from this one (for per-node streams). */
  fork(): Rng;
}

/** Create a seeded generator. Equal seeds give equal streams. */
export function createRng(seed: number): Rng {
  // splitmix32 to spread the seed, then xoshiro128** as the generator.
  let s = (seed >>> 0) ^ 0x9e3779b9;
  const mix = (): number => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = mix(), b = mix(), c = mix(), d = mix();
  const nextU32 = (): number => {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result;
  };
  const rng: Rng = {
    next: () => nextU32() / 4294967296,
    uniform: (low, high) => low + (high - low) * rng.next(),
    normal: () => {
      let u = rng.next();
      while (u === 0) u = rng.next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.next());
    },
    int: (n) => Math.floor(rng.next() * n),
    fillUniform: (out, low, high) => {
      for (let i = 0; i < out.length; i++) out[i] = low + (high - low) * (nextU32() / 4294967296);
      return out;
    },
    fork: () => createRng(nextU32()),
  };
  return rng;
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
