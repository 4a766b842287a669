import type { Rng } from '@snn/ir';
import { flipIn } from './byte-mutators.js';
import { edited, hugeValue, pick, setField, type Mutated } from './mutation.js';

interface Field {
  readonly name: string;
  readonly offset: number;
  readonly size: 2 | 4;
}

/**
 * Damage a zip archive's structure on purpose: a field of a local file header, of a central
 * directory entry or of the end-of-central-directory record set to an absurd value (sizes,
 * offsets, name lengths, compression method, entry counts), or bytes flipped in the central
 * directory or inside an entry's stored data (the last may be invisible: weights).
 */
export function damageZip(bytes: Uint8Array, rng: Rng): Mutated | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  const fields: Field[] = [
    { name: 'eocd entries', offset: eocd + 10, size: 2 },
    { name: 'eocd directory size', offset: eocd + 12, size: 4 },
    { name: 'eocd directory offset', offset: eocd + 16, size: 4 },
  ];
  const cdStart = view.getUint32(eocd + 16, true);
  const data: [number, number][] = [];
  for (let p = cdStart, n = 0; p + 46 <= eocd && view.getUint32(p, true) === 0x02014b50 && n < 1000; n++) {
    const name = new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + view.getUint16(p + 28, true)));
    const local = view.getUint32(p + 42, true);
    for (const [f, at, size] of [['method', 10, 2], ['crc', 16, 4], ['compressed size', 20, 4], ['size', 24, 4], ['name length', 28, 2], ['extra length', 30, 2], ['local offset', 42, 4]] as const) {
      fields.push({ name: `directory ${name} ${f}`, offset: p + at, size });
    }
    if (local + 30 <= bytes.length && view.getUint32(local, true) === 0x04034b50) {
      for (const [f, at, size] of [['method', 8, 2], ['crc', 14, 4], ['compressed size', 18, 4], ['size', 22, 4], ['name length', 26, 2], ['extra length', 28, 2]] as const) {
        fields.push({ name: `local ${name} ${f}`, offset: local + at, size });
      }
      const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
      data.push([start, start + view.getUint32(p + 20, true)]);
    }
    p += 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  const choice = rng.int(10);
  if (choice < 7) {
    const f = pick(rng, fields);
    const value = hugeValue(rng, f.size === 2 ? 16 : 32);
    if (value === (f.size === 2 ? view.getUint16(f.offset, true) : view.getUint32(f.offset, true))) return undefined;
    // fflate reads sizes, offsets and methods from the central directory; the local copies
    // of crc and sizes and the eocd size field are not checked by it (invisible)
    return { mutation: `zip ${f.name} = ${value}`, bytes: edited(bytes, (_c, v) => setField(v, f.offset, f.size, value)), mayLoad: true };
  }
  if (choice < 9) return { mutation: 'zip flip central directory', bytes: flipIn(bytes, rng, cdStart, eocd + 22, 1 + rng.int(4)), mayLoad: true };
  if (data.length === 0) return undefined;
  const [start, end] = pick(rng, data);
  return { mutation: 'zip flip entry data', bytes: flipIn(bytes, rng, start, end, 1 + rng.int(4)), mayLoad: true };
}
