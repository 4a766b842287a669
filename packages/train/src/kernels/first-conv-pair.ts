import { customGrad, engine, getBackend, getKernel, Identity } from '@tensorflow/tfjs-core';
import type { GradSaveFunc, NamedAttrMap, Tensor, Tensor1D, Tensor4D } from '@tensorflow/tfjs-core';
import { Conv2DBiasReluDemand, Conv2DBiasReluFirstLumped, type Conv2DBiasReluAttrs } from './conv2d-bias-relu.js';
import { Conv2DBackpropFilterDemand } from './conv2d-backprop-filter.js';
import { firstConvGradApplies } from './conv-first-grad.js';
import { Conv2DBackpropInputFirstGrad } from './dx-first-grad.js';
import { activeGradients, refuseFirstConvInputGradient, reluGradient } from './gradients/conv2d-bias-relu-grad.js';
import { customOp } from '../model/custom-op.js';

/** Strides and padding of one conv of a {@link firstConvPair}. */
export interface PairConvAttrs {
  readonly strides: [number, number];
  readonly pad: 'same' | 'valid';
}

/** Whether {@link firstConvPair} runs on the current backend for a first conv with this filter shape. */
export function firstConvPairApplies(firstFilterShape: readonly number[]): boolean {
  const backend = getBackend();
  const kernels = [Conv2DBiasReluFirstLumped, Conv2DBiasReluDemand, Conv2DBackpropFilterDemand, Conv2DBackpropInputFirstGrad];
  return kernels.every((k) => getKernel(k, backend) !== undefined) && firstConvGradApplies(firstFilterShape);
}

/**
 * `relu(conv2d(relu(conv2d(x, w1) + b1), w2) + b2)`, a network's first conv + ReLU and the conv +
 * ReLU that is its only consumer, as one op for training passes that want no gradient of x:
 * `demand` is the first conv's demand map (`inputDemand`). The forward pass runs the two convs'
 * kernels (`SnnConv2DBiasReluFirstLumped`, `SnnConv2DBiasReluDemand`); the gradient gives the
 * four parameters' and takes the second conv's input gradient straight into the first conv's
 * filter and bias gradients (`SnnConv2DBackpropInputFirstGrad`), so that gradient, as large as
 * the first conv's output, is never written out: the same gradients as the two convs run apart.
 * A gradient with respect to x is refused. Check {@link firstConvPairApplies} first.
 */
export function firstConvPair(
  x: Tensor4D,
  demand: Tensor4D,
  params: [Tensor4D, Tensor1D, Tensor4D, Tensor1D],
  first: PairConvAttrs,
  second: PairConvAttrs,
): Tensor4D {
  // A custom op's gradients are all computed at once, so the op returns its input in place of
  // x's gradient; that reaches x only through refuseGradient, which throws first.
  const body = (xs: Tensor, f1: Tensor, c1: Tensor, f2: Tensor, c2: Tensor, save: GradSaveFunc) => {
    const y1 = engine().runKernel(Conv2DBiasReluFirstLumped, { x: xs, filter: f1, bias: c1, demand }, attrs(first)) as Tensor4D;
    const y2 = engine().runKernel(Conv2DBiasReluDemand, { x: y1, filter: f2, bias: c2, demand }, attrs(second)) as Tensor4D;
    save([xs, demand, y1, y2]); // the pass's own tensors are freed before the gradient runs; saved ones are kept
    return {
      value: y2,
      gradFunc: (dy: Tensor, saved: Tensor[]): Tensor[] => {
        const [x0, map, y1s, y2s] = saved;
        const active = reluGradient(dy, y2s);
        const conv = activeGradients(active, y1s, f2, second as Conv2DBiasReluAttrs, map);
        const firstAttrs = { ...second, inputShape: y1s.shape, firstStrides: first.strides, firstPad: first.pad, firstFilterShape: f1.shape };
        const inputs = { dy: active, filter: f2, demand: map, x: x0, y: y1s };
        const [dw1, db1] = engine().runKernel(Conv2DBackpropInputFirstGrad, inputs, firstAttrs as unknown as NamedAttrMap) as Tensor[];
        return [x0, dw1, db1, conv.filter(), conv.bias()];
      },
    };
  };
  const pair = customGrad(body as unknown as Parameters<typeof customGrad>[0]) as unknown as (...inputs: Tensor[]) => Tensor4D;
  return pair(refuseGradient(x), ...params);
}

/** `x` itself (sharing its memory), with a gradient that throws: a first conv's input after a pass that promised none. */
function refuseGradient(x: Tensor4D): Tensor4D {
  const guard = customOp((input: Tensor) => ({
    value: engine().runKernel(Identity, { x: input }) as Tensor,
    gradFunc: () => refuseFirstConvInputGradient('firstConvPair'),
  }));
  return guard(x) as Tensor4D;
}

function attrs(a: PairConvAttrs): NamedAttrMap {
  return { strides: a.strides, pad: a.pad } as unknown as NamedAttrMap;
}
