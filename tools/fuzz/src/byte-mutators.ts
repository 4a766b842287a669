import type { Rng } from '@snn/ir';
import { edited, pick, type Mutated } from './mutation.js';

/** Cut the file at a random length (always shorter than the whole file): never loads. */
export function truncate(bytes: Uint8Array, rng: Rng): Mutated {
  // half of the cuts fall in the first 4 KiB, where the headers are
  const length = rng.next() < 0.5 ? rng.int(Math.min(4096, bytes.length)) : rng.int(bytes.length);
  return { mutation: 'truncate', bytes: bytes.slice(0, length), mayLoad: false };
}

/** Flip 1-8 random bytes anywhere (most land in weights, where no check can see them). */
export function flipBytes(bytes: Uint8Array, rng: Rng): Mutated {
  const n = 1 + rng.int(8);
  return { mutation: 'flip-bytes', bytes: flipIn(bytes, rng, 0, bytes.length, n), mayLoad: true };
}

/** Flip bytes inside `[start, end)` (a structure found by a layout parser). */
export function flipIn(bytes: Uint8Array, rng: Rng, start: number, end: number, n: number): Uint8Array {
  return edited(bytes, (copy) => {
    for (let k = 0; k < n && end > start; k++) {
      const i = start + rng.int(end - start);
      copy[i] ^= pick(rng, [0xff, 0x80, 0x01, 1 + rng.int(255)]);
    }
  });
}

/** Write NaN or an infinity into `count` float32 values of `[start, end)` (4-byte aligned from `start`). */
export function nonFiniteIn(bytes: Uint8Array, rng: Rng, start: number, end: number, count = 1): Uint8Array {
  return edited(bytes, (_copy, view) => {
    const n = Math.floor((end - start) / 4);
    for (let k = 0; k < count && n > 0; k++) view.setFloat32(start + 4 * rng.int(n), pick(rng, [NaN, Infinity, -Infinity]), true);
  });
}
