import type { ConvGeometry } from '../conv-geometry.js';

const FIELDS = ['batch', 'inH', 'inW', 'inC', 'outH', 'outW', 'outC', 'kH', 'kW', 'strideH', 'strideW', 'padTop', 'padLeft'] as const;

/** How many numbers {@link encodeGeometry} writes. */
export const GEOMETRY_ARGS = FIELDS.length;

/** A conv geometry as numbers, for a helper thread's task arguments. */
export function encodeGeometry(g: ConvGeometry): number[] {
  return FIELDS.map((k) => g[k]);
}

/** The geometry {@link encodeGeometry} wrote at `args[at..]`. */
export function decodeGeometry(args: ArrayLike<number>, at: number): ConvGeometry {
  return Object.fromEntries(FIELDS.map((k, i) => [k, args[at + i]])) as unknown as ConvGeometry;
}
