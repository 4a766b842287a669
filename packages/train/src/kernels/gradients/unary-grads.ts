import { Abs, Cast, ClipByValue, Exp, Identity, Log, Log1p, Neg, Relu, Relu6, Sigmoid, Softplus, Sqrt, Square, Tanh } from '@tensorflow/tfjs-core';
import { add, cast, clone, div, greaterEqual, lessEqual, logicalAnd, mul, neg, scalar, sigmoid, square, step, sub, where, zerosLike } from '@tensorflow/tfjs-core';
import { engine, getBackend, getKernel } from '@tensorflow/tfjs-core';
import type { ClipByValueAttrs, GradConfig, NamedAttrMap, Tensor } from '@tensorflow/tfjs-core';
import { ReluGrad } from '../relu-grad.js';

/** d/dx from the saved input `x` (or the saved output `y` when `fromOutput`). */
function unary(kernelName: string, grad: (dy: Tensor, s: Tensor, attrs: NamedAttrMap) => Tensor, fromOutput = false): GradConfig {
  return {
    kernelName,
    ...(fromOutput ? { outputsToSave: [true] } : { inputsToSave: ['x'] }),
    gradFunc: (dy, saved, attrs) => ({ x: () => grad(dy as Tensor, saved[0], attrs) }),
  };
}

/** Gradients of element-wise unary ops (activations and the math neuron rate functions use). */
export const unaryGrads: GradConfig[] = [
  unary(Neg, (dy) => neg(dy)),
  unary(Abs, (dy, x) => mul(dy, step(x, -1))),
  unary(Square, (dy, x) => mul(dy, mul(x, scalar(2)))),
  unary(Sqrt, (dy, y) => div(dy, mul(y, scalar(2))), true),
  unary(Exp, (dy, y) => mul(dy, y), true),
  unary(Log, (dy, x) => div(dy, x)),
  unary(Log1p, (dy, x) => div(dy, add(x, scalar(1)))),
  unary(Relu, (dy, x) =>
    getKernel(ReluGrad, getBackend()) ? (engine().runKernel(ReluGrad, { dy, x }) as Tensor) : mul(dy, step(x)),
  ),
  unary(Relu6, (dy, x) => mul(dy, mul(cast(lessEqual(x, scalar(6)), 'float32'), step(x)))),
  unary(Sigmoid, (dy, y) => mul(dy, mul(y, sub(scalar(1), y))), true),
  unary(Tanh, (dy, y) => mul(dy, sub(scalar(1), square(y))), true),
  unary(Softplus, (dy, x) => mul(dy, sigmoid(x))),
  unary(ClipByValue, (dy, x, attrs) => {
    const { clipValueMin, clipValueMax } = attrs as unknown as ClipByValueAttrs;
    const inside = logicalAnd(greaterEqual(x, scalar(clipValueMin)), lessEqual(x, scalar(clipValueMax)));
    return where(inside, dy, zerosLike(dy));
  }),
  unary(Cast, (dy) => clone(dy)),
  unary(Identity, (dy) => clone(dy)),
];
