import type { LayerContext } from '../context.js';
import type { TensorInfo } from '../tensor.js';
import { intTuple } from '../../wire/config-values.js';
import { requirePlain, requireRank } from './common.js';

/**
 * Keras `UpSampling1D/2D`: an IR `upsample` node (nearest neighbour, integer factors).
 * UpSampling2D needs `interpolation: 'nearest'` (spec §5.4); UpSampling1D repeats steps
 * of channels-last data.
 */
export function convertUpSampling(ctx: LayerContext, rank: 1 | 2): TensorInfo {
  const t = ctx.input();
  requirePlain(ctx, t);
  requireRank(ctx, t, rank + 1, rank === 1 ? '(steps, channels)' : '(rows, cols, channels)');
  if (rank === 2) ctx.dataFormat(t);
  else if (t.layout === 'channels_first') ctx.unsupported('data_format', 'channels_first', 'UpSampling1D repeats the steps axis of channels-last data only');
  const interpolation = ctx.config.interpolation ?? 'nearest';
  if (interpolation !== 'nearest') ctx.unsupported('interpolation', interpolation, "only interpolation='nearest' is supported");
  const size = intTuple(ctx.config.size ?? ctx.config.length, rank, 'size', ctx.label, new Array<number>(rank).fill(2));
  if (size.some((s) => s < 1)) ctx.badConfig('size', ctx.config.size, 'positive integers');
  ctx.addNode({ id: ctx.id, kind: 'upsample', size }, [t]);
  return { node: ctx.id, shape: [...size.map((s, i) => t.shape[i] * s), t.shape[rank]], layout: t.layout };
}
