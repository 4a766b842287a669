import type { Param, Shape } from './types.js';
import { irError } from './error-codes.js';
import { fmtShape, plural } from './describe.js';

/**
 * Number of values a parameter of `shape` holds: the product of its dimensions
 * (1 for the scalar shape `[]`). Throws `IR_BAD_PARAM` when a dimension is not a
 * positive integer.
 */
export function paramSize(shape: Shape): number {
  let n = 1;
  for (const d of shape) {
    if (!Number.isInteger(d) || d <= 0) {
      throw irError('IR_BAD_PARAM', undefined, `shape ${fmtShape(shape)} has dimension ${d}; every dimension must be a positive integer`);
    }
    n *= d;
  }
  return n;
}

/**
 * A parameter array of `shape` (C order). A `Float32Array` is used as is (not copied: do
 * not change it afterwards, graphs are immutable values); any other array-like is
 * converted to float32. Throws `IR_BAD_PARAM` when the length is not the shape's product.
 */
export function param(data: ArrayLike<number> | Float32Array, shape: Shape): Param {
  const size = paramSize(shape);
  if (data.length !== size) {
    throw irError(
      'IR_BAD_PARAM',
      undefined,
      `param of shape ${fmtShape(shape)} needs ${plural(size, 'value')} but was given ${data.length}; pass data whose length is the product of the shape`,
    );
  }
  const values = data instanceof Float32Array ? data : Float32Array.from(data);
  return { shape: [...shape], data: values };
}

/** A scalar parameter (shape `[]`) holding `value`. */
export function scalar(value: number): Param {
  return { shape: [], data: Float32Array.of(value) };
}

/** A parameter of `shape` filled with zeros. */
export function zeros(shape: Shape): Param {
  return { shape: [...shape], data: new Float32Array(paramSize(shape)) };
}
