/**
 * Just enough of the HDF5 file format (superblock v0-v3, version-1 B-trees, symbol-table
 * nodes, local heaps, version-1 object headers and their messages; "HDF5 File Format
 * Specification Version 3.0") to find where each structure of a file lies, so that the
 * fuzzer can damage superblocks, B-trees, heaps, attributes, dataspaces and weights on
 * purpose instead of by luck. Read-only and defensive: a structure it cannot follow is skipped.
 */

/** One structure found in the file. */
export interface Hdf5Region {
  readonly kind: Hdf5RegionKind;
  readonly offset: number;
  readonly length: number;
  /** Object path (groups and datasets), when known. */
  readonly path?: string;
  /** For a field: its width in bytes (an address, length, count or version). */
  readonly fieldSize?: number;
}

/** What a region is. */
export type Hdf5RegionKind =
  | 'superblock-field'
  | 'btree'
  | 'symbol-node'
  | 'local-heap'
  | 'heap-names'
  | 'object-header'
  | 'attribute'
  | 'dataspace-dim'
  | 'datatype'
  | 'layout'
  | 'float32-data'
  | 'v2-structure';

interface Ctx {
  readonly bytes: Uint8Array;
  readonly view: DataView;
  readonly base: number;
  o: number; // size of offsets
  l: number; // size of lengths
  readonly out: Hdf5Region[];
  readonly seen: Set<number>;
}

const V2_SIGNATURES = ['OHDR', 'FRHP', 'FHDB', 'FHIB', 'BTHD', 'BTLF', 'BTIN', 'FSHD', 'FSSE', 'GCOL'];

/** Regions of the HDF5 file in `bytes` (superblock at `offset`, 0 for most files). */
export function hdf5Layout(bytes: Uint8Array, offset = 0): Hdf5Region[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ctx: Ctx = { bytes, view, base: offset, o: 8, l: 8, out: [], seen: new Set() };
  const field = (at: number, size: number): void => void ctx.out.push({ kind: 'superblock-field', offset: offset + at, length: size, fieldSize: size });
  const version = bytes[offset + 8];
  if (version === 0 || version === 1) {
    ctx.o = bytes[offset + 13];
    ctx.l = bytes[offset + 14];
    [8, 9, 10, 12, 13, 14].forEach((at) => field(at, 1));
    [16, 18].forEach((at) => field(at, 2));
    let at = version === 0 ? 24 : 28;
    for (let k = 0; k < 4; k++, at += ctx.o) field(at, ctx.o); // base, free space, end of file, driver
    const entry = offset + at;
    field(at + ctx.o, ctx.o); // root object header address
    field(at + 2 * ctx.o, 4); // cache type
    field(at + 2 * ctx.o + 8, ctx.o); // B-tree address
    field(at + 3 * ctx.o + 8, ctx.o); // heap address
    if (ctx.o === 8 && ctx.l === 8) objectHeader(ctx, addr(ctx, entry + ctx.o), '/');
  } else if (version === 2 || version === 3) {
    ctx.o = bytes[offset + 9];
    ctx.l = bytes[offset + 10];
    [8, 9, 10].forEach((at) => field(at, 1));
    for (let k = 0, at = 12; k < 4; k++, at += ctx.o) field(at, ctx.o);
  }
  for (let i = offset; i + 4 <= bytes.length; i++) {
    if (bytes[i] >= 0x42 && bytes[i] <= 0x4f && V2_SIGNATURES.includes(String.fromCharCode(bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]))) {
      ctx.out.push({ kind: 'v2-structure', offset: i, length: Math.min(64, bytes.length - i) });
    }
  }
  return ctx.out;
}

function addr(ctx: Ctx, at: number): number {
  if (at + 8 > ctx.bytes.length) return -1;
  const v = Number(ctx.view.getBigUint64(at, true));
  return v >= ctx.bytes.length ? -1 : ctx.base + v;
}

function inFile(ctx: Ctx, at: number, length: number): boolean {
  return at >= 0 && at + length <= ctx.bytes.length;
}

/** A version-1 object header: its messages, and the group or dataset it describes. */
function objectHeader(ctx: Ctx, at: number, path: string): void {
  if (!inFile(ctx, at, 16) || ctx.seen.has(at) || ctx.bytes[at] !== 1) return;
  ctx.seen.add(at);
  const size = ctx.view.getUint32(at + 8, true);
  ctx.out.push({ kind: 'object-header', offset: at, length: 16, path });
  const blocks: [number, number][] = [[at + 16, size]];
  const dataset: { float32?: boolean; address?: number; size?: number } = {};
  for (let b = 0; b < blocks.length && b < 64; b++) {
    const [start, length] = blocks[b];
    for (let p = start; p + 8 <= start + length && inFile(ctx, p, 8); ) {
      const type = ctx.view.getUint16(p, true);
      const msize = ctx.view.getUint16(p + 2, true);
      const data = p + 8;
      if (!inFile(ctx, data, msize)) break;
      if (type === 0x0001) dataspace(ctx, data, path);
      else if (type === 0x0003) {
        ctx.out.push({ kind: 'datatype', offset: data, length: Math.min(msize, 12), path });
        dataset.float32 = (ctx.bytes[data] & 0x0f) === 1 && ctx.view.getUint32(data + 4, true) === 4;
      } else if (type === 0x0008) {
        ctx.out.push({ kind: 'layout', offset: data, length: msize, path });
        if (ctx.bytes[data] === 3 && ctx.bytes[data + 1] === 1) {
          dataset.address = addr(ctx, data + 2);
          dataset.size = Number(ctx.view.getBigUint64(data + 2 + ctx.o, true));
        }
      } else if (type === 0x000c) ctx.out.push({ kind: 'attribute', offset: data, length: msize, path });
      else if (type === 0x0010) {
        const next = addr(ctx, data);
        if (next >= 0) blocks.push([next, Number(ctx.view.getBigUint64(data + ctx.o, true))]);
      } else if (type === 0x0011) group(ctx, addr(ctx, data), addr(ctx, data + ctx.o), path);
      p = data + msize;
    }
  }
  if (dataset.float32 && dataset.address !== undefined && dataset.address >= 0 && dataset.size && inFile(ctx, dataset.address, dataset.size)) {
    ctx.out.push({ kind: 'float32-data', offset: dataset.address, length: dataset.size, path });
  }
}

function dataspace(ctx: Ctx, at: number, path: string): void {
  const version = ctx.bytes[at];
  const rank = ctx.bytes[at + 1];
  const first = version === 1 ? at + 8 : at + 4;
  for (let d = 0; d < rank && d < 32; d++) ctx.out.push({ kind: 'dataspace-dim', offset: first + d * ctx.l, length: ctx.l, path, fieldSize: ctx.l });
}

/** A group's B-tree, its symbol-table nodes and the local heap holding its member names. */
function group(ctx: Ctx, btree: number, heap: number, path: string): void {
  if (!inFile(ctx, heap, 32) || String.fromCharCode(...ctx.bytes.subarray(heap, heap + 4)) !== 'HEAP') return;
  ctx.out.push({ kind: 'local-heap', offset: heap, length: 8 + 2 * ctx.l + ctx.o, path });
  const heapSize = Number(ctx.view.getBigUint64(heap + 8, true));
  const heapData = addr(ctx, heap + 8 + 2 * ctx.l);
  if (!inFile(ctx, heapData, heapSize)) return;
  ctx.out.push({ kind: 'heap-names', offset: heapData, length: heapSize, path });
  const name = (offset: number): string => {
    let end = heapData + offset;
    while (end < heapData + heapSize && ctx.bytes[end] !== 0) end++;
    return new TextDecoder().decode(ctx.bytes.subarray(heapData + offset, end));
  };
  const nodes = [btree];
  for (let k = 0; k < nodes.length && k < 4096; k++) {
    const at = nodes[k];
    if (!inFile(ctx, at, 24) || ctx.seen.has(at)) continue;
    ctx.seen.add(at);
    const sig = String.fromCharCode(...ctx.bytes.subarray(at, at + 4));
    if (sig === 'TREE') {
      const level = ctx.bytes[at + 5];
      const used = ctx.view.getUint16(at + 6, true);
      const first = at + 8 + 2 * ctx.o;
      ctx.out.push({ kind: 'btree', offset: at, length: first - at + used * (ctx.l + ctx.o) + ctx.l, path });
      for (let e = 0; e < used; e++) {
        const child = addr(ctx, first + ctx.l + e * (ctx.l + ctx.o));
        if (child >= 0) nodes.push(child);
      }
      void level;
    } else if (sig === 'SNOD') {
      const count = ctx.view.getUint16(at + 6, true);
      const entry = 2 * ctx.o + 24;
      ctx.out.push({ kind: 'symbol-node', offset: at, length: 8 + count * entry, path });
      for (let e = 0; e < count; e++) {
        const p = at + 8 + e * entry;
        if (!inFile(ctx, p, entry)) break;
        const member = name(Number(ctx.view.getBigUint64(p, true)));
        objectHeader(ctx, addr(ctx, p + ctx.o), path === '/' ? `/${member}` : `${path}/${member}`);
      }
    }
  }
}
