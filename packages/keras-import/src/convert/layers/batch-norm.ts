import type { LayerContext } from '../context.js';
import { irAxisOf, type TensorInfo } from '../tensor.js';
import { num } from '../../wire/config-values.js';

/**
 * Keras `BatchNormalization` at inference: an IR `affine` node on the channel axis with
 * `scale = gamma / sqrt(moving_variance + epsilon)` (gamma = 1 without `scale`) and
 * `bias = beta - scale * moving_mean` (beta = 0 without `center`), not trainable
 * (spec §5.4). A trainable layer (NengoDL needs `inference_only` for it) is converted
 * for inference and recorded in `metadata.inferenceOnly`. Folding into a neighbouring
 * dense/conv layer is an `@snn/ir` pass (`foldBatchNorm`).
 */
export function convertBatchNorm(ctx: LayerContext): TensorInfo {
  const t = ctx.input();
  if (t.softmax) ctx.unsupported('activation', 'softmax', `softmax is supported only on a model output, but it feeds ${ctx.label}`);
  if (ctx.config.trainable !== false) ctx.inferenceOnly(`converted batch normalization '${ctx.name}' with its moving mean and variance`);
  if (ctx.config.renorm === true) ctx.unsupported('renorm', true, 'batch renormalization is not supported; retrain with renorm=False');
  const rank = t.shape.length;
  const rawAxis = Array.isArray(ctx.config.axis) ? (ctx.config.axis.length === 1 ? ctx.config.axis[0] : ctx.config.axis) : (ctx.config.axis ?? -1);
  if (typeof rawAxis !== 'number' || !Number.isInteger(rawAxis)) ctx.unsupported('axis', ctx.config.axis, 'normalization over exactly one axis (the channel axis)');
  // Keras counts the batch axis: axis 1 is the first batchless axis, -1 the last.
  const kerasAxis = rawAxis < 0 ? rank + rawAxis : rawAxis - 1;
  if (kerasAxis < 0 || kerasAxis >= rank || irAxisOf(kerasAxis, rank, t.layout) !== rank - 1) {
    ctx.unsupported('axis', rawAxis, `only normalization over the channel axis is supported (axis -1 for channels_last, 1 for channels_first data); the input has shape [${t.shape.join(', ')}]`);
  }
  const c = t.shape[rank - 1];
  const eps = num(ctx.config.epsilon, 'epsilon', ctx.label, 1e-3);
  const hasScale = ctx.config.scale !== false;
  const hasCenter = ctx.config.center !== false;
  const params = ctx.weights([
    ...(hasScale ? [{ role: 'gamma', shape: [c] }] : []),
    ...(hasCenter ? [{ role: 'beta', shape: [c] }] : []),
    { role: 'moving_mean', shape: [c] },
    { role: 'moving_variance', shape: [c] },
  ]);
  const gamma = hasScale ? params.shift()?.data : undefined;
  const beta = hasCenter ? params.shift()?.data : undefined;
  const [mean, variance] = params.map((p) => p.data);
  const scale = new Float32Array(c);
  const bias = new Float32Array(c);
  for (let i = 0; i < c; i++) {
    // Keras channel i sits at IR element flatOrder[i] when a channels-first flatten precedes.
    const to = t.flatOrder ? t.flatOrder[i] : i;
    const s = (gamma ? gamma[i] : 1) / Math.sqrt(variance[i] + eps);
    scale[to] = s;
    bias[to] = (beta ? beta[i] : 0) - s * mean[i];
  }
  ctx.addNode({ id: ctx.id, kind: 'affine', scale: { shape: [c], data: scale }, bias: { shape: [c], data: bias }, trainable: false }, [t]);
  return { ...t, node: ctx.id };
}
