import type { Rng } from '@snn/ir';

/**
 * One damaged file made by a mutator: what was done (for the report) and whether the
 * damage may be invisible to every check (`mayLoad`: e.g. a flipped bit inside a weight or
 * in unused padding). A case with `mayLoad: false` must end in a typed error.
 */
export interface Mutated {
  readonly mutation: string;
  readonly bytes: Uint8Array;
  readonly mayLoad: boolean;
}

/** A named mutator: damages `bytes` using `rng`; undefined when it does not apply to this file. */
export type Mutator = (bytes: Uint8Array, rng: Rng) => Mutated | undefined;

/** A random element of `list`. */
export function pick<T>(rng: Rng, list: readonly T[]): T {
  return list[rng.int(list.length)];
}

/** A copy of `bytes` with `edit` applied to it. */
export function edited(bytes: Uint8Array, edit: (copy: Uint8Array, view: DataView) => void): Uint8Array {
  const copy = bytes.slice();
  edit(copy, new DataView(copy.buffer));
  return copy;
}

/** Values that make a declared size or count absurd: zero, all ones, the sign bit, a power of two past the file. */
export function hugeValue(rng: Rng, bits: 16 | 32): number {
  const all = bits === 16 ? 0xffff : 0xffffffff;
  return pick(rng, [0, all, bits === 16 ? 0x8000 : 0x80000000, bits === 16 ? 0x7fff : 0x7fffffff, 1 + rng.int(all)]);
}

/** Write `value` into an unsigned little-endian field of `size` bytes (1, 2, 4 or 8) at `offset`. */
export function setField(view: DataView, offset: number, size: number, value: number): void {
  if (offset + size > view.byteLength) return;
  if (size === 1) view.setUint8(offset, value & 0xff);
  else if (size === 2) view.setUint16(offset, value & 0xffff, true);
  else if (size === 4) view.setUint32(offset, value >>> 0, true);
  else view.setBigUint64(offset, value === 0xffffffff ? 0xffffffffffffffffn : BigInt(Math.floor(value)), true);
}

/** One entry of a mutation table: its share of the cases, and the mutation to make. */
export type Choice<T> = readonly [share: number, make: () => T | undefined | Promise<T | undefined>];

/** Make one mutation of `table`, chosen with probability proportional to its share. */
export async function choose<T>(rng: Rng, table: readonly Choice<T>[]): Promise<T | undefined> {
  const total = table.reduce((s, [share]) => s + share, 0);
  let r = rng.next() * total;
  for (const [share, make] of table) {
    if (r < share) return make();
    r -= share;
  }
  return table[table.length - 1][1]();
}
