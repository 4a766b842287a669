import type { LayerContext } from '../context.js';
import type { TensorInfo } from '../tensor.js';
import { requirePlain, requireRank } from './common.js';

/**
 * Keras `ZeroPadding1D/2D`: an IR `pad` node with `[before, after]` per spatial axis.
 * `padding` may be one int, one int per axis (symmetric), or `[before, after]` per axis.
 * ZeroPadding1D has no data format: it pads the steps axis of channels-last data.
 */
export function convertZeroPadding(ctx: LayerContext, rank: 1 | 2): TensorInfo {
  const t = ctx.input();
  requirePlain(ctx, t);
  requireRank(ctx, t, rank + 1, rank === 1 ? '(steps, channels)' : '(rows, cols, channels)');
  if (rank === 2) ctx.dataFormat(t);
  else if (t.layout === 'channels_first') ctx.unsupported('data_format', 'channels_first', 'ZeroPadding1D pads the steps axis of channels-last data only (as in NengoDL)');
  const padding = paddingPairs(ctx, ctx.config.padding ?? 1, rank);
  ctx.addNode({ id: ctx.id, kind: 'pad', padding }, [t]);
  const shape = [...padding.map(([b, a], i) => t.shape[i] + b + a), t.shape[rank]];
  return { node: ctx.id, shape, layout: t.layout };
}

function paddingPairs(ctx: LayerContext, value: unknown, rank: number): [number, number][] {
  const isInt = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;
  if (isInt(value)) return Array.from({ length: rank }, () => [value, value]);
  if (Array.isArray(value)) {
    if (rank === 1 && value.length === 2 && value.every(isInt)) return [[value[0], value[1]]];
    if (value.length === rank && value.every(isInt)) return value.map((v: number) => [v, v]);
    if (value.length === rank && value.every((p) => Array.isArray(p) && p.length === 2 && p.every(isInt))) return value.map((p: number[]) => [p[0], p[1]]);
  }
  return ctx.badConfig('padding', value, rank === 1 ? 'an int or [before, after]' : 'an int, [rows, cols] or [[top, bottom], [left, right]]');
}
