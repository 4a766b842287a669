import { kerasError, show } from '../errors.js';

/** A reference to a tensor in a functional model: output `tensor` of call `node` of layer `layer`. */
export interface TensorRef {
  readonly layer: string;
  readonly node: number;
  readonly tensor: number;
}

/**
 * The input tensors of one call of a layer. Keras 2 writes a list of
 * `[layer, node, tensor, kwargs]`; Keras 3 writes `{ args, kwargs }` with serialized
 * tensors (`{ class_name: '__keras_tensor__', config: { keras_history: [layer, node, tensor] } }`)
 * anywhere inside (merge layers pass a list as the first argument).
 */
export function parseInboundNode(node: unknown, where: string): TensorRef[] {
  if (Array.isArray(node)) return node.map((ref) => parseRef(ref, where));
  if (typeof node === 'object' && node !== null && 'args' in node) {
    const { args, kwargs } = node as { args: unknown; kwargs?: unknown };
    const fromArgs: TensorRef[] = [];
    collectKerasTensors(args, fromArgs);
    if (fromArgs.length > 0) return fromArgs;
    const fromKwargs: TensorRef[] = [];
    collectKerasTensors(kwargs, fromKwargs);
    return fromKwargs;
  }
  throw kerasError('KERAS_BAD_CONFIG', where, `${where}: an inbound node is ${show(node)}; expected a list of [layer, node, tensor] references (Keras 2) or { args, kwargs } (Keras 3)`);
}

/** `[name, node, tensor, ...]` → ref (also used for `input_layers` / `output_layers`). */
export function parseRef(ref: unknown, where: string): TensorRef {
  if (Array.isArray(ref) && typeof ref[0] === 'string' && (ref.length < 2 || Number.isInteger(ref[1])) && (ref.length < 3 || Number.isInteger(ref[2]))) {
    return { layer: ref[0], node: (ref[1] as number | undefined) ?? 0, tensor: (ref[2] as number | undefined) ?? 0 };
  }
  throw kerasError('KERAS_BAD_CONFIG', where, `${where}: tensor reference ${show(ref)} is not [layer_name, node_index, tensor_index]`);
}

/** `input_layers` / `output_layers`: a list of refs, or one bare ref (Keras 3 with a single input). */
export function parseRefList(value: unknown, field: string, where: string): TensorRef[] {
  if (!Array.isArray(value)) throw kerasError('KERAS_BAD_CONFIG', where, `${where}: '${field}' is ${show(value)}; expected a list of [layer_name, node_index, tensor_index]`);
  if (typeof value[0] === 'string') return [parseRef(value, `${where} ${field}`)];
  return value.map((r) => parseRef(r, `${where} ${field}`));
}

function collectKerasTensors(value: unknown, out: TensorRef[]): void {
  if (Array.isArray(value)) {
    for (const v of value) collectKerasTensors(v, out);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  const obj = value as Record<string, unknown>;
  if (obj.class_name === '__keras_tensor__') {
    const history = (obj.config as { keras_history?: unknown } | undefined)?.keras_history;
    if (Array.isArray(history)) out.push(parseRef(history, 'keras_history'));
    return;
  }
  for (const v of Object.values(obj)) collectKerasTensors(v, out);
}
