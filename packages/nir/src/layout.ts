import type { Shape } from '@snn/ir';

/**
 * snn shapes are channels-last ((H, W, C), (L, C)); NIR's are PyTorch's channels-first
 * ((C, H, W), (C, L)). A vector (N) is the same on both sides, but a flattened tensor is
 * not: snn flattens (H, W, C) in C order, NIR flattens (C, H, W). A `Perm` records, for a
 * vector, which snn element each NIR element is: `perm[k]` = snn index of NIR index k
 * (`undefined` = the identity).
 */
export type Perm = Int32Array | undefined;

/** NIR's shape of an snn shape: the channel axis moves first (rank 2 and 3). */
export function nirShape(shape: Shape): number[] {
  if (shape.length < 2) return [...shape];
  return [shape[shape.length - 1], ...shape.slice(0, -1)];
}

/** snn's shape of a NIR shape: the channel axis moves last (rank 2 and 3). */
export function snnShape(shape: Shape): number[] {
  if (shape.length < 2) return [...shape];
  return [...shape.slice(1), shape[0]];
}

/**
 * For each element of the channels-first order of snn shape `shape` (the order NIR
 * flattens in), its index in snn's channels-last order.
 */
export function channelsFirstOrder(shape: Shape): Int32Array {
  const c = shape[shape.length - 1];
  const spatial = shape.slice(0, -1).reduce((a, b) => a * b, 1);
  const order = new Int32Array(c * spatial);
  for (let ch = 0; ch < c; ch++) for (let p = 0; p < spatial; p++) order[ch * spatial + p] = p * c + ch;
  return order;
}

/** Values of an snn array of `shape` (already broadcast) in NIR's element order. */
export function toNirOrder(data: Float32Array, shape: Shape, perm: Perm): Float32Array {
  const order = shape.length >= 2 ? channelsFirstOrder(shape) : perm;
  if (order === undefined) return Float32Array.from(data);
  return Float32Array.from(order, (i) => data[i]);
}

/** Values of a NIR array (NIR element order) in snn's order for snn shape `shape`. */
export function toSnnOrder(data: ArrayLike<number>, shape: Shape, perm: Perm): Float32Array {
  const order = shape.length >= 2 ? channelsFirstOrder(shape) : perm;
  const out = new Float32Array(data.length);
  if (order === undefined) out.set(data);
  else for (let k = 0; k < order.length; k++) out[order[k]] = data[k];
  return out;
}
