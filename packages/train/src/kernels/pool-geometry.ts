import { backend_util } from '@tensorflow/tfjs-core';
import type { TensorInfo } from '@tensorflow/tfjs-core';
import type { ConvGeometry } from './conv-geometry.js';
import { convGeometry } from './conv-geometry.js';

/** Attributes shared by tfjs's pooling-gradient kernels. */
export interface PoolGradAttrs {
  readonly filterSize: [number, number] | number;
  readonly strides: [number, number] | number;
  readonly pad: 'valid' | 'same' | number | backend_util.ExplicitPadding;
  readonly dimRoundingMode?: 'floor' | 'round' | 'ceil';
}

/** {@link ConvGeometry} of a 2-D pooling of `input` (channels-last; outC = inC). */
export function poolGeometry(input: TensorInfo, attrs: PoolGradAttrs, kernel: string): ConvGeometry {
  const info = backend_util.computePool2DInfo(
    input.shape as [number, number, number, number],
    attrs.filterSize,
    attrs.strides,
    1,
    attrs.pad,
    attrs.dimRoundingMode,
  );
  return convGeometry(info, kernel);
}
