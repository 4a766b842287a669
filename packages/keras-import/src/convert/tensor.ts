/** How Keras orders the axes of a tensor: the IR is always channels-last. */
export type Layout = 'channels_last' | 'channels_first';

/**
 * A Keras tensor during conversion: the IR node that computes it, its IR shape
 * (channels-last, no batch) and what Keras would see differently.
 */
export interface TensorInfo {
  /** IR node whose output this is. */
  readonly node: string;
  /** IR shape: channels-last, without the batch dimension. */
  readonly shape: readonly number[];
  /** Axis order Keras uses for this tensor; `channels_first` means Keras sees `(C, ...spatial)`. */
  readonly layout: Layout;
  /**
   * For a vector flattened from channels-first data in Keras' raw (C, H, W) order: Keras
   * element `k` is IR element `flatOrder[k]`. The next Dense layer absorbs it by
   * permuting its kernel rows.
   */
  readonly flatOrder?: Int32Array;
  /** Keras applies softmax to this tensor; allowed only on a model output. */
  readonly softmax?: boolean;
}

/** The shape Keras sees for `t` (batchless): `(C, ...spatial)` for channels-first tensors. */
export function kerasShapeOf(t: Pick<TensorInfo, 'shape' | 'layout'>): number[] {
  const s = [...t.shape];
  if (t.layout === 'channels_first' && s.length >= 2) return [s[s.length - 1], ...s.slice(0, -1)];
  return s;
}

/** IR shape of a batchless Keras shape in `layout`. */
export function irShapeOf(kerasShape: readonly number[], layout: Layout): number[] {
  if (layout === 'channels_first' && kerasShape.length >= 2) return [...kerasShape.slice(1), kerasShape[0]];
  return [...kerasShape];
}

/** IR axis of Keras axis `axis` (batchless, already non-negative) for a tensor of `rank` in `layout`. */
export function irAxisOf(axis: number, rank: number, layout: Layout): number {
  if (layout === 'channels_first' && rank >= 2) return axis === 0 ? rank - 1 : axis - 1;
  return axis;
}

/**
 * Where each element of `shape` (IR, channels-last) lands when Keras flattens the tensor
 * after visiting its IR axes in `axisOrder` (slowest first): returns `order` with
 * `order[k]` = IR flat index of Keras flat element `k`, or undefined when the orders agree.
 */
export function flattenOrder(shape: readonly number[], axisOrder: readonly number[]): Int32Array | undefined {
  if (axisOrder.every((a, i) => a === i)) return undefined;
  const rank = shape.length;
  const strides = new Array<number>(rank);
  let s = 1;
  for (let a = rank - 1; a >= 0; a--) {
    strides[a] = s;
    s *= shape[a];
  }
  const order = new Int32Array(s);
  const idx = new Array<number>(rank).fill(0);
  for (let k = 0; k < s; k++) {
    let flat = 0;
    for (let a = 0; a < rank; a++) flat += idx[a] * strides[a];
    order[k] = flat;
    for (let j = rank - 1; j >= 0; j--) {
      const axis = axisOrder[j];
      if (++idx[axis] < shape[axis]) break;
      idx[axis] = 0;
    }
  }
  for (let k = 0; k < s; k++) if (order[k] !== k) return order;
  return undefined;
}
