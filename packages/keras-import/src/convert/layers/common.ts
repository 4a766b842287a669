import type { LayerContext } from '../context.js';
import type { TensorInfo } from '../tensor.js';

/**
 * Regularizers and constraints change training, which the converted network cannot
 * reproduce (NengoDL rejects them unless `inference_only`, spec §5.4): each one set is
 * ignored and recorded as converted for inference only.
 */
export function checkTrainingOnlyFields(ctx: LayerContext, fields: readonly string[]): void {
  for (const field of fields) {
    const value = ctx.config[field];
    if (value !== undefined && value !== null) ctx.inferenceOnly(`ignored ${field} of '${ctx.name}'`);
  }
}

/** Throw unless the IR input has `rank` axes (batchless), naming what the layer needs. */
export function requireRank(ctx: LayerContext, t: TensorInfo, rank: number, what: string): void {
  if (t.shape.length !== rank) {
    ctx.unsupported('input shape', t.shape, `${ctx.className} needs ${what} input (rank ${rank} without batch) but gets shape [${t.shape.join(', ')}]`);
  }
}

/** Throw when `t` carries a channels-first flatten order or a softmax that this layer cannot take over. */
export function requirePlain(ctx: LayerContext, t: TensorInfo): void {
  if (t.softmax) {
    ctx.unsupported('activation', 'softmax', `softmax is supported only as the final activation of a model output, but its result feeds ${ctx.label}; remove the softmax or make the layer an output`);
  }
  if (t.flatOrder) {
    ctx.unsupported(
      'input',
      'channels_first flatten order',
      `its input is channels-first data flattened in (C, H, W) order, which only a following Dense or BatchNormalization layer can absorb`,
    );
  }
}

/** Output length of a window over `n` (valid: `ceil((n-k+1)/s)`, same: `ceil(n/s)`; spec §5.4). */
export function windowOutput(n: number, k: number, s: number, padding: 'valid' | 'same' | readonly [number, number]): number {
  if (padding === 'valid') return Math.ceil((n - k + 1) / s);
  if (padding === 'same') return Math.ceil(n / s);
  return Math.floor((n + padding[0] + padding[1] - k) / s) + 1;
}

/** `(2, 2)` / `(2,)`: how Python prints a tuple (for messages that quote NengoDL). */
export function pyTuple(values: readonly number[]): string {
  return values.length === 1 ? `(${values[0]},)` : `(${values.join(', ')})`;
}
