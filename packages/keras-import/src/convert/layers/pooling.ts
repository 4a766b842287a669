import type { PoolNode } from '@snn/ir';
import type { LayerContext } from '../context.js';
import type { TensorInfo } from '../tensor.js';
import { intTuple } from '../../wire/config-values.js';
import { requirePlain, requireRank, windowOutput } from './common.js';

/**
 * Keras `AveragePooling1D/2D` and `MaxPooling1D/2D`: an IR `pool` node. Strides default
 * to the pool size. Average pooling needs `valid` padding (TensorFlow leaves padded cells
 * out of the mean; spec §5.4). Max pooling stays exact (`op: 'max'`); the `maxToAvgPool`
 * option turns it into average pooling after the import (an `@snn/ir` pass).
 */
export function convertPool(ctx: LayerContext, rank: 1 | 2, op: 'avg' | 'max'): TensorInfo {
  const t = ctx.input();
  requirePlain(ctx, t);
  requireRank(ctx, t, rank + 1, rank === 1 ? '(steps, channels)' : '(rows, cols, channels)');
  ctx.dataFormat(t);
  const where = ctx.label;
  // Keras 1D pooling writes pool_size/strides as a list of one; TF.js may write a number.
  const window = intTuple(ctx.config.pool_size ?? ctx.config.pool_length, rank, 'pool_size', where, new Array<number>(rank).fill(2));
  const strides = intTuple(ctx.config.strides ?? ctx.config.stride, rank, 'strides', where, window);
  const padding = String(ctx.config.padding ?? 'valid').toLowerCase();
  if (padding !== 'valid' && padding !== 'same') ctx.unsupported('padding', ctx.config.padding, "supported: 'valid', 'same'");
  if (op === 'avg' && padding === 'same') {
    ctx.unsupported('padding', 'same', "average pooling with padding 'same' leaves padded cells out of the mean, which a fixed average cannot represent; use padding 'valid'");
  }
  const spatial = window.map((k, a) => windowOutput(t.shape[a], k, strides[a], padding as 'valid' | 'same'));
  if (spatial.some((s) => s < 1)) ctx.unsupported('pool_size', window, `the window does not fit the input of shape [${t.shape.join(', ')}]`);
  const node: PoolNode = { id: ctx.id, kind: 'pool', op, window, strides, padding: padding as 'valid' | 'same' };
  ctx.addNode(node, [t]);
  return { node: ctx.id, shape: [...spatial, t.shape[rank]], layout: t.layout };
}

/**
 * Keras `GlobalAveragePooling1D/2D` and `GlobalMaxPooling1D/2D`: an IR `globalPool` node
 * (`(..., C) → (C)`); `keepdims: true` adds a reshape back to `(1, ..., C)`.
 */
export function convertGlobalPool(ctx: LayerContext, rank: 1 | 2, op: 'avg' | 'max'): TensorInfo {
  const t = ctx.input();
  requirePlain(ctx, t);
  requireRank(ctx, t, rank + 1, rank === 1 ? '(steps, channels)' : '(rows, cols, channels)');
  ctx.dataFormat(t);
  const c = t.shape[rank];
  ctx.addNode({ id: ctx.id, kind: 'globalPool', op }, [t]);
  if (ctx.config.keepdims !== true) return { node: ctx.id, shape: [c], layout: 'channels_last' };
  const kept = [...new Array<number>(rank).fill(1), c];
  const id = ctx.addNode({ id: `${ctx.id}/keepdims`, kind: 'reshape', shape: kept }, [ctx.id]);
  return { node: id, shape: kept, layout: t.layout };
}
