import type { LayerContext } from '../context.js';
import { irAxisOf, kerasShapeOf, type TensorInfo } from '../tensor.js';
import { requirePlain } from './common.js';

function sameInputs(ctx: LayerContext, what: string): TensorInfo {
  if (ctx.inputs.length < 1) ctx.badConfig('inbound_nodes', ctx.inputs.length, 'at least one input');
  const first = ctx.inputs[0];
  for (const t of ctx.inputs) {
    if (t.softmax) ctx.unsupported('activation', 'softmax', `softmax is supported only on a model output, but it feeds ${ctx.label}`);
    if (t.shape.length !== first.shape.length || t.shape.some((d, i) => d !== first.shape[i])) {
      ctx.unsupported('inputs', ctx.inputs.map(kerasShapeOf), `${what} needs inputs of equal shape (no broadcasting)`);
    }
    if (t.layout !== first.layout && t.shape.length >= 2) ctx.unsupported('inputs', 'mixed data formats', `${what} of channels-first and channels-last tensors is not supported`);
    const a = t.flatOrder;
    const b = first.flatOrder;
    if ((a === undefined) !== (b === undefined) || (a && b && a.some((v, i) => v !== b[i]))) {
      ctx.unsupported('inputs', 'mixed flatten orders', `${what} of vectors flattened in different orders is not supported`);
    }
  }
  return first;
}

/** Keras `Add`: an IR `add` node over all inputs (equal shapes). */
export function convertAdd(ctx: LayerContext): TensorInfo {
  const first = sameInputs(ctx, 'Add');
  ctx.addNode({ id: ctx.id, kind: 'add' }, ctx.inputs);
  return { ...first, node: ctx.id };
}

/** Keras `Average`: an IR `add` node with `scale = 1/n` (spec §5.4). */
export function convertAverage(ctx: LayerContext): TensorInfo {
  const first = sameInputs(ctx, 'Average');
  ctx.addNode({ id: ctx.id, kind: 'add', scale: 1 / ctx.inputs.length }, ctx.inputs);
  return { ...first, node: ctx.id };
}

/**
 * Keras `Concatenate`: an IR `concat` node on the IR axis of Keras `axis` (default -1,
 * counted with the batch axis; axis 0 is the batch and is rejected as in NengoDL).
 */
export function convertConcatenate(ctx: LayerContext): TensorInfo {
  for (const t of ctx.inputs) requirePlain(ctx, t);
  const first = ctx.inputs[0];
  const rank = first.shape.length;
  const axis = ctx.config.axis ?? -1;
  if (typeof axis !== 'number' || !Number.isInteger(axis)) ctx.badConfig('axis', axis, 'an integer');
  if (axis === 0 || axis < -rank || axis > rank) {
    ctx.unsupported('axis', axis, axis === 0 ? 'Cannot concatenate along batch dimension (axis 0)' : `axis out of range for inputs of rank ${rank} (plus batch)`);
  }
  const kerasAxis = axis < 0 ? rank + axis : axis - 1;
  const irAxis = irAxisOf(kerasAxis, rank, first.layout);
  for (const t of ctx.inputs) {
    if (t.shape.length !== rank || t.layout !== first.layout || t.shape.some((d, i) => i !== irAxis && d !== first.shape[i])) {
      ctx.unsupported('inputs', ctx.inputs.map(kerasShapeOf), `Concatenate needs inputs that agree on every axis except axis ${axis}`);
    }
  }
  ctx.addNode({ id: ctx.id, kind: 'concat', axis: irAxis }, ctx.inputs);
  const shape = [...first.shape];
  shape[irAxis] = ctx.inputs.reduce((s, t) => s + t.shape[irAxis], 0);
  return { node: ctx.id, shape, layout: first.layout };
}
