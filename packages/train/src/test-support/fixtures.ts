import { param, type Param, type Rng, type Shape } from '@snn/ir';

/** Uniform random parameter in [low, high) (test fixtures). */
export function randomParam(rng: Rng, shape: Shape, low = -1, high = 1): Param {
  const n = shape.reduce((a, b) => a * b, 1);
  return param(rng.fillUniform(new Float32Array(n), low, high), shape);
}

export { lifGainBiasScalars, spikingMnistGraph } from '../networks/spiking-mnist.js';

/** Freeze a value and everything it holds (typed arrays excepted), so a test can prove a pass leaves its input alone. */
export function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object' && !ArrayBuffer.isView(v) && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const child of Object.values(v)) deepFreeze(child);
  }
  return v;
}
