import type { Param, Shape } from './types.js';
import type { Rng } from './random.js';
import { paramSize } from './param.js';
import { irError } from './error-codes.js';

/**
 * Fan-in and fan-out of a weight shape, as Keras computes them: dense [in, out] gives
 * (in, out); a kernel (k..., cIn, cOut) gives (cIn * prod(k), cOut * prod(k)).
 */
export function fans(shape: Shape): { fanIn: number; fanOut: number } {
  if (shape.length < 2) {
    throw irError('IR_BAD_ARGUMENT', undefined, `fans: shape [${shape.join(', ')}] has no input and output axes; give [in, out] or (k..., cIn, cOut)`);
  }
  const receptive = shape.slice(0, -2).reduce((a, b) => a * b, 1);
  return { fanIn: shape[shape.length - 2] * receptive, fanOut: shape[shape.length - 1] * receptive };
}

/** Glorot (Xavier) uniform: `U(-l, l)`, `l = sqrt(6 / (fanIn + fanOut))` (Keras `glorot_uniform`). */
export function glorotUniform(shape: Shape, fanIn: number, fanOut: number, rng: Rng): Param {
  const limit = Math.sqrt(6 / (fanIn + fanOut));
  return { shape: [...shape], data: rng.fillUniform(new Float32Array(paramSize(shape)), -limit, limit) };
}

/** He uniform: `U(-l, l)`, `l = sqrt(6 / fanIn)` (Keras `he_uniform`). */
export function heUniform(shape: Shape, fanIn: number, rng: Rng): Param {
  const limit = Math.sqrt(6 / fanIn);
  return { shape: [...shape], data: rng.fillUniform(new Float32Array(paramSize(shape)), -limit, limit) };
}

// Standard deviation of a unit normal truncated to [-2, 2]; dividing by it restores unit variance.
const TRUNCATED_STD = 0.87962566103423978;

/**
 * He normal (Keras `he_normal`): a normal truncated at two standard deviations, scaled so
 * the standard deviation is `sqrt(2 / fanIn)`.
 */
export function heNormal(shape: Shape, fanIn: number, rng: Rng): Param {
  const std = Math.sqrt(2 / fanIn) / TRUNCATED_STD;
  const data = new Float32Array(paramSize(shape));
  for (let i = 0; i < data.length; i++) {
    let z = rng.normal();
    while (z < -2 || z > 2) z = rng.normal();
    data[i] = z * std;
  }
  return { shape: [...shape], data };
}
