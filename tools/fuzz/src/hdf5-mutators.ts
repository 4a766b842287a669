import type { Rng } from '@snn/ir';
import { flipIn, nonFiniteIn } from './byte-mutators.js';
import type { Hdf5Region, Hdf5RegionKind } from './hdf5-layout.js';
import { edited, hugeValue, pick, setField, type Mutated } from './mutation.js';

/**
 * Damage one HDF5 structure on purpose: a superblock field set to an absurd value; bytes
 * flipped in a B-tree node, symbol-table node, local heap, object header, attribute or
 * datatype; a dataspace dimension made huge; NaN or infinity written into float32 weights.
 * `weightPaths` selects which float32 datasets are weights that every load reads.
 */
export function damageHdf5(bytes: Uint8Array, regions: readonly Hdf5Region[], rng: Rng, weightPaths: (path: string) => boolean): Mutated | undefined {
  const of = (kind: Hdf5RegionKind): Hdf5Region[] => regions.filter((r) => r.kind === kind);
  const kinds: Hdf5RegionKind[] = ['superblock-field', 'btree', 'symbol-node', 'local-heap', 'heap-names', 'object-header', 'attribute', 'dataspace-dim', 'datatype', 'layout', 'float32-data', 'v2-structure'];
  const available = kinds.filter((k) => of(k).length > 0);
  if (available.length === 0) return undefined;
  const kind = pick(rng, available);
  const region = pick(rng, of(kind));
  const where = `${kind}${region.path ? ` ${region.path}` : ''}`;
  if (kind === 'superblock-field' || kind === 'dataspace-dim') {
    const size = region.fieldSize ?? 1;
    const value = size === 1 ? pick(rng, [0, 0xff, 1 + rng.int(254)]) : hugeValue(rng, 32);
    const old = readField(bytes, region.offset, size);
    if (old === value) return undefined;
    // a changed field is invisible only where HDF5 does not use it: the free-space and driver
    // addresses and the B-tree K values of the superblock, and a dimension of an unread dataset
    return { mutation: `hdf5 ${where} = ${value}`, bytes: edited(bytes, (_c, view) => setField(view, region.offset, size, value)), mayLoad: true };
  }
  if (kind === 'float32-data') {
    const weights = of('float32-data').filter((r) => r.path !== undefined && weightPaths(r.path));
    if (weights.length === 0) return undefined;
    const w = pick(rng, weights);
    return { mutation: `hdf5 non-finite weight ${w.path}`, bytes: nonFiniteIn(bytes, rng, w.offset, w.offset + w.length, 1 + rng.int(3)), mayLoad: false };
  }
  // Flipped bytes in a structure: HDF5 keeps no checksum in version-1 structures, so some flips
  // (a reserved byte, a name's padding, an unused B-tree slot) are invisible.
  return { mutation: `hdf5 flip ${where}`, bytes: flipIn(bytes, rng, region.offset, region.offset + region.length, 1 + rng.int(4)), mayLoad: true };
}

function readField(bytes: Uint8Array, offset: number, size: number): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (offset + size > bytes.length) return -1;
  if (size === 1) return view.getUint8(offset);
  if (size === 2) return view.getUint16(offset, true);
  if (size === 4) return view.getUint32(offset, true);
  return Number(view.getBigUint64(offset, true));
}
