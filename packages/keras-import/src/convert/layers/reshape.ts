import type { LayerContext } from '../context.js';
import { flattenOrder, kerasShapeOf, type TensorInfo } from '../tensor.js';

/**
 * Keras `Flatten`: an IR `reshape` to `[n]`. Keras >= 2.2 writes `data_format`; with
 * `channels_first` it first moves channels last, so its order is the IR's (H, W, C).
 * Without it (older Keras, TF.js) or with `channels_last` on channels-first data, Keras
 * flattens the raw (C, H, W) tensor: the output then carries that order (`flatOrder`)
 * for the next Dense layer to absorb.
 */
export function convertFlatten(ctx: LayerContext): TensorInfo {
  const t = ctx.input();
  if (t.softmax) ctx.unsupported('activation', 'softmax', `softmax is supported only on a model output, but it feeds ${ctx.label}`);
  if (t.shape.length <= 1) return t;
  const n = t.shape.reduce((a, b) => a * b, 1);
  const rank = t.shape.length;
  // IR axes in the order Keras visits them (slowest first).
  const kerasMovesChannelsLast = ctx.config.data_format === 'channels_first';
  let order: Int32Array | undefined;
  if (t.layout === 'channels_first' && !kerasMovesChannelsLast) {
    order = flattenOrder(t.shape, [rank - 1, ...Array.from({ length: rank - 1 }, (_, i) => i)]);
  } else if (t.layout === 'channels_last' && kerasMovesChannelsLast) {
    // Keras treats the first axis as channels and moves it last: visits IR axes 1.., then 0.
    order = flattenOrder(t.shape, [...Array.from({ length: rank - 1 }, (_, i) => i + 1), 0]);
  }
  ctx.addNode({ id: ctx.id, kind: 'reshape', shape: [n] }, [t]);
  return { node: ctx.id, shape: [n], layout: 'channels_last', ...(order ? { flatOrder: order } : {}) };
}

/**
 * Keras `Reshape`: an IR `reshape` (C-order reinterpretation). `-1` is inferred.
 * Channels-first data can be reshaped to a vector (like a raw flatten) or to a shape
 * whose channel or spatial part has size 1 (where both orders agree); other reshapes of
 * channels-first data are rejected.
 */
export function convertReshape(ctx: LayerContext): TensorInfo {
  const t = ctx.input();
  if (t.softmax) ctx.unsupported('activation', 'softmax', `softmax is supported only on a model output, but it feeds ${ctx.label}`);
  const raw = ctx.config.target_shape ?? ctx.config.targetShape;
  if (!Array.isArray(raw) || !raw.every((d) => Number.isInteger(d) && (d === -1 || d > 0))) ctx.badConfig('target_shape', raw, 'a list of positive integers (one may be -1)');
  const n = t.shape.reduce((a, b) => a * b, 1);
  const known = (raw as number[]).filter((d) => d !== -1).reduce((a, b) => a * b, 1);
  const target = (raw as number[]).map((d) => (d === -1 ? n / known : d));
  if (target.reduce((a, b) => a * b, 1) !== n || !target.every(Number.isInteger)) {
    ctx.unsupported('target_shape', raw, `the input has ${n} elements (shape [${kerasShapeOf(t).join(', ')}]), which cannot take this shape`);
  }
  const fromFirst = t.layout === 'channels_first' && t.shape.length >= 2;
  if (t.flatOrder && target.length > 1) {
    ctx.unsupported('target_shape', raw, 'its input is a vector in channels-first (C, H, W) order, which can only feed a Dense layer');
  }
  const order = fromFirst && target.length === 1 ? flattenOrder(t.shape, [t.shape.length - 1, ...t.shape.slice(0, -1).map((_, i) => i)]) : t.flatOrder;
  if (fromFirst && target.length > 1) {
    ctx.unsupported('target_shape', raw, 'reshaping channels-first data to anything but a vector changes element order in a way the channels-last graph cannot represent');
  }
  // A reshape that produces a multi-axis tensor in a channels-first model yields Keras shape (C, ...).
  const channelsFirstModel = ctx.options.modelDataFormat === 'channels_first';
  let shape = target;
  let layout: TensorInfo['layout'] = 'channels_last';
  if (channelsFirstModel && target.length >= 2) {
    const c = target[0];
    const spatial = target.slice(1).reduce((a, b) => a * b, 1);
    if (c !== 1 && spatial !== 1) ctx.unsupported('target_shape', raw, 'a channels-first reshape target must have 1 channel or 1 spatial position to stay in C order');
    shape = [...target.slice(1), c];
    layout = 'channels_first';
  }
  ctx.addNode({ id: ctx.id, kind: 'reshape', shape }, [t]);
  return { node: ctx.id, shape, layout, ...(order ? { flatOrder: order } : {}) };
}
