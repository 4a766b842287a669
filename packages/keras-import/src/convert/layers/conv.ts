import type { ConvNode, Param } from '@snn/ir';
import type { LayerContext } from '../context.js';
import type { TensorInfo } from '../tensor.js';
import { intTuple } from '../../wire/config-values.js';
import { checkTrainingOnlyFields, pyTuple, requirePlain, requireRank, windowOutput } from './common.js';

const TRAINING_ONLY = ['kernel_regularizer', 'bias_regularizer', 'activity_regularizer', 'kernel_constraint', 'bias_constraint'];

/**
 * Keras `Conv1D` / `Conv2D`: an IR `conv` node (cross-correlation, kernel
 * `(k..., cIn/groups, cOut)` as Keras stores it) on channels-last data, then the
 * activation. `channels_first` layers run on the converted channels-last tensor with the
 * same kernel; Theano kernels are flipped 180°. Padding `valid`, `same`, and Conv1D
 * `causal` (explicit left padding); dilation must be 1 (spec §5.4).
 */
export function convertConv(ctx: LayerContext, rank: 1 | 2): TensorInfo {
  const t = ctx.input();
  requirePlain(ctx, t);
  requireRank(ctx, t, rank + 1, rank === 1 ? '(steps, channels)' : '(rows, cols, channels)');
  const where = ctx.label;
  ctx.dataFormat(t);
  checkTrainingOnlyFields(ctx, TRAINING_ONLY);
  const filters = ctx.config.filters;
  if (typeof filters !== 'number' || !Number.isInteger(filters) || filters < 1) ctx.badConfig('filters', filters, 'a positive integer');
  const kernelSize = intTuple(ctx.config.kernel_size, rank, 'kernel_size', where);
  const strides = intTuple(ctx.config.strides, rank, 'strides', where, new Array<number>(rank).fill(1));
  const dilation = intTuple(ctx.config.dilation_rate, rank, 'dilation_rate', where, new Array<number>(rank).fill(1));
  if (dilation.some((d) => d !== 1)) {
    ctx.unsupported(
      'dilation_rate',
      dilation,
      `${ctx.name}.dilation_rate has value ${pyTuple(dilation)} != ${pyTuple(dilation.map(() => 1))}, which is not supported; retrain with dilation_rate=1`,
    );
  }
  const groups = ctx.config.groups === undefined || ctx.config.groups === null ? 1 : ctx.config.groups;
  const cIn = t.shape[rank];
  if (typeof groups !== 'number' || !Number.isInteger(groups) || groups < 1 || cIn % groups !== 0 || filters % groups !== 0) {
    ctx.badConfig('groups', groups, `a positive integer dividing the ${cIn} input channels and the ${filters} filters`);
  }
  const paddingName = String(ctx.config.padding ?? 'valid').toLowerCase();
  let padding: ConvNode['padding'];
  if (paddingName === 'valid' || paddingName === 'same') padding = paddingName;
  else if (paddingName === 'causal' && rank === 1) padding = [[kernelSize[0] - 1, 0]];
  else ctx.unsupported('padding', ctx.config.padding, `supported: 'valid', 'same'${rank === 1 ? ", 'causal'" : ''}`);
  const useBias = ctx.config.use_bias !== false;
  const [kernel, bias] = ctx.weights([
    { role: 'kernel', shape: [...kernelSize, cIn / groups, filters] },
    ...(useBias ? [{ role: 'bias', shape: [filters] }] : []),
  ]);
  const node: ConvNode = {
    id: ctx.id,
    kind: 'conv',
    kernel: ctx.options.theanoKernels ? flipSpatial(kernel, rank) : kernel,
    ...(bias ? { bias } : {}),
    strides,
    padding,
    ...(groups !== 1 ? { groups } : {}),
  };
  const spatial = kernelSize.map((k, a) => windowOutput(t.shape[a], k, strides[a], typeof padding === 'string' ? padding : padding[a]));
  if (spatial.some((s) => s < 1)) {
    ctx.unsupported('kernel_size', kernelSize, `the window does not fit the input of shape [${t.shape.join(', ')}] with padding '${paddingName}'`);
  }
  ctx.addNode(node, [t]);
  const out: TensorInfo = { node: ctx.id, shape: [...spatial, filters], layout: t.layout };
  return ctx.activate(out, ctx.config.activation);
}

/** Reverse the spatial axes of a `(k..., cIn, cOut)` kernel: Theano convolves, TensorFlow correlates. */
export function flipSpatial(kernel: Param, rank: 1 | 2): Param {
  const [cIn, cOut] = kernel.shape.slice(rank);
  const block = cIn * cOut;
  const kh = kernel.shape[0];
  const kw = rank === 2 ? kernel.shape[1] : 1;
  const data = new Float32Array(kernel.data.length);
  for (let i = 0; i < kh; i++) {
    for (let j = 0; j < kw; j++) {
      const from = (i * kw + j) * block;
      const to = ((kh - 1 - i) * kw + (kw - 1 - j)) * block;
      data.set(kernel.data.subarray(from, from + block), to);
    }
  }
  return { shape: kernel.shape, data };
}
