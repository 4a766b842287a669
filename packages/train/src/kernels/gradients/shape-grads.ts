import { Concat, ExpandDims, Reshape, Tile, Transpose } from '@tensorflow/tfjs-core';
import { reshape, split, sum, transpose } from '@tensorflow/tfjs-core';
import type { ConcatAttrs, GradConfig, Tensor, TileAttrs, TransposeAttrs } from '@tensorflow/tfjs-core';

const reshapeBack: GradConfig['gradFunc'] = (dy, saved) => ({ x: () => reshape(dy as Tensor, saved[0].shape) });

/** Gradients of ops that only move data: reshape, expandDims, transpose, concat, tile. */
export const shapeGrads: GradConfig[] = [
  { kernelName: Reshape, inputsToSave: ['x'], gradFunc: reshapeBack },
  {
    kernelName: ExpandDims,
    inputsToSave: ['input'],
    gradFunc: (dy, saved) => ({ input: () => reshape(dy as Tensor, saved[0].shape) }),
  },
  {
    kernelName: Transpose,
    gradFunc: (dy, _saved, attrs) => {
      const { perm } = attrs as unknown as TransposeAttrs;
      const inverse = perm.map((_, i) => perm.indexOf(i));
      return { x: () => transpose(dy as Tensor, inverse) };
    },
  },
  {
    kernelName: Concat,
    saveAllInputs: true,
    gradFunc: (dy, saved, attrs) => {
      const g = dy as Tensor;
      const { axis } = attrs as unknown as ConcatAttrs;
      const at = axis < 0 ? axis + g.rank : axis;
      const sizes = saved.map((t) => t.shape[at]);
      const parts = split(g, sizes, at);
      return Object.fromEntries(parts.map((p, i) => [String(i), () => p]));
    },
  },
  {
    kernelName: Tile,
    inputsToSave: ['x'],
    gradFunc: (dy, saved, attrs) => {
      const x = saved[0];
      const { reps } = attrs as unknown as TileAttrs;
      // dy index along axis i is r * x_i + j: view it as [reps_0, x_0, reps_1, x_1, ...], sum the reps.
      const interleaved = x.shape.flatMap((d, i) => [reps[i], d]);
      const repAxes = x.shape.map((_, i) => 2 * i);
      return { x: () => reshape(sum(reshape(dy as Tensor, interleaved), repAxes), x.shape) };
    },
  },
];
