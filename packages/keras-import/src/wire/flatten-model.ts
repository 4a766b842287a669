import { kerasError, show } from '../errors.js';
import { declaredInputShape, nameOf } from './config-values.js';
import type { FlatInput, FlatModel, FlatOutput, LayerCall } from './flat-model.js';
import { parseInboundNode, parseRefList, type TensorRef } from './inbound-nodes.js';
import type { KerasDim, KerasFunctionalConfigJson, KerasLayerJson, KerasModelJson, KerasSequentialConfigJson } from './types.js';

/** Whether a layer entry is itself a model (Sequential, Functional/Model, or any class whose config has layers). */
export function isModelLayer(layer: { class_name: string; config: unknown }): boolean {
  if (['Sequential', 'Functional', 'Model'].includes(layer.class_name)) return true;
  const c = layer.config as { layers?: unknown; input_layers?: unknown } | null;
  return Array.isArray(layer.config) || (typeof c === 'object' && c !== null && Array.isArray(c.layers) && c.input_layers !== undefined);
}

/**
 * Expand a Keras model JSON into a flat list of layer calls in execution order: nested
 * models are inlined (their weights keep their nested path), functional graphs are
 * ordered so that every call comes after the calls producing its inputs.
 */
export function flattenModel(model: KerasModelJson, fileName: string): FlatModel {
  const state: State = { calls: [], inputs: [], aliases: new Map(), produced: new Set(), fileName };
  const name = modelName(model);
  const outputs = expand(state, model, { idPrefix: '', weightPath: [] }, undefined);
  const outs: FlatOutput[] = outputs.map((key) => ({ key: resolve(state, key), layer: producerName(state, resolve(state, key)) }));
  return { name, inputs: state.inputs, calls: state.calls, outputs: outs };
}

interface State {
  readonly calls: LayerCall[];
  readonly inputs: FlatInput[];
  /** Tensor key → the key it stands for (nested inputs/outputs, input layers of inner models). */
  readonly aliases: Map<string, string>;
  /** Keys that some call or input produces. */
  readonly produced: Set<string>;
  readonly fileName: string;
}

interface Scope {
  readonly idPrefix: string;
  readonly weightPath: readonly string[];
}

function resolve(state: State, key: string): string {
  let k = key;
  for (let i = 0; i < 1000 && state.aliases.has(k); i++) k = state.aliases.get(k) as string;
  return k;
}

function producerName(state: State, key: string): string {
  const call = state.calls.find((c) => c.output === key);
  if (call) return call.name;
  return state.inputs.find((i) => i.key === key)?.id ?? key;
}

function modelName(model: { config: unknown }): string {
  const c = model.config as { name?: unknown } | null;
  return typeof c === 'object' && c !== null && !Array.isArray(c) && typeof c.name === 'string' ? c.name : 'model';
}

function expand(state: State, model: { class_name: string; config: unknown }, scope: Scope, inputs: string[] | undefined): string[] {
  if (model.class_name === 'Sequential' || Array.isArray(model.config)) return expandSequential(state, model, scope, inputs);
  const c = model.config as Partial<KerasFunctionalConfigJson> | null;
  if (typeof c === 'object' && c !== null && Array.isArray(c.layers) && c.input_layers !== undefined) return expandFunctional(state, c as KerasFunctionalConfigJson, scope, inputs);
  throw kerasError(
    'KERAS_BAD_CONFIG',
    state.fileName,
    `${state.fileName}: the model is a '${model.class_name}' without a layer list; only Sequential and Functional models can be imported (subclassed models save no architecture — rebuild them with the Functional API)`,
  );
}

function key(scope: Scope, layer: string, node: number, tensor: number): string {
  return `${scope.idPrefix}${layer}@${node}:${tensor}`;
}

function addInput(state: State, id: string, kerasShape: readonly KerasDim[] | undefined, k: string): void {
  const used = new Set(state.inputs.map((i) => i.id));
  let unique = id;
  for (let i = 1; used.has(unique); i++) unique = `${id}_${i}`;
  state.inputs.push({ key: k, id: unique, kerasShape });
  state.produced.add(k);
}

function expandSequential(state: State, model: { class_name: string; config: unknown }, scope: Scope, inputs: string[] | undefined): string[] {
  const cfg = model.config as KerasSequentialConfigJson | KerasLayerJson[];
  const layers: readonly KerasLayerJson[] = Array.isArray(cfg) ? cfg : Array.isArray(cfg.layers) ? cfg.layers : [];
  const where = `${state.fileName}: Sequential model '${modelName(model)}'`;
  if (layers.length === 0) throw kerasError('KERAS_BAD_CONFIG', where, `${where} has no layers`);
  checkLayerEntries(layers, where);
  let rest = layers;
  let current: string;
  if (inputs === undefined) {
    const first = layers[0];
    if (first.class_name === 'InputLayer') {
      current = key(scope, nameOf(first) ?? 'input', 0, 0);
      addInput(state, nameOf(first) ?? 'input', declaredInputShape(first), current);
      rest = layers.slice(1);
    } else {
      const built = Array.isArray(cfg) ? undefined : cfg.build_input_shape;
      const modelBuilt = (model as KerasModelJson).build_config?.input_shape;
      const shape =
        declaredInputShape(first) ??
        (Array.isArray(built) ? built.slice(1) : undefined) ??
        (Array.isArray(modelBuilt) && !Array.isArray(modelBuilt[0]) ? (modelBuilt as KerasDim[]).slice(1) : undefined);
      current = key(scope, 'input', 0, 0);
      addInput(state, 'input', shape, current);
    }
  } else {
    if (inputs.length !== 1) throw kerasError('KERAS_BAD_CONFIG', where, `${where} is called with ${inputs.length} inputs; a Sequential model takes one`);
    current = inputs[0];
    if (layers[0].class_name === 'InputLayer') rest = layers.slice(1);
  }
  for (const layer of rest) {
    const name = nameOf(layer);
    if (name === undefined) throw kerasError('KERAS_BAD_CONFIG', where, `${where}: a '${layer.class_name}' layer has no name`);
    if (isModelLayer(layer)) {
      const outs = expand(state, layer, { idPrefix: `${scope.idPrefix}${name}/`, weightPath: [...scope.weightPath, name] }, [current]);
      if (outs.length !== 1) throw kerasError('KERAS_BAD_CONFIG', where, `${where}: nested model '${name}' has ${outs.length} outputs; inside a Sequential model it must have one`);
      current = outs[0];
      continue;
    }
    const out = key(scope, name, 0, 0);
    state.calls.push({
      layer,
      className: layer.class_name,
      name,
      weightPath: [...scope.weightPath, name],
      id: `${scope.idPrefix}${name}`,
      inputs: [current],
      output: out,
    });
    state.produced.add(out);
    current = out;
  }
  return [current];
}

function expandFunctional(state: State, cfg: KerasFunctionalConfigJson, scope: Scope, inputs: string[] | undefined): string[] {
  const where = `${state.fileName}: model '${cfg.name ?? 'model'}'`;
  const inputRefs = parseRefList(cfg.input_layers, 'input_layers', where);
  const outputRefs = parseRefList(cfg.output_layers, 'output_layers', where);
  const byName = new Map<string, KerasLayerJson>();
  checkLayerEntries(cfg.layers, where);
  for (const layer of cfg.layers) {
    const name = nameOf(layer);
    if (name === undefined) throw kerasError('KERAS_BAD_CONFIG', where, `${where}: a '${layer.class_name}' layer has no name`);
    byName.set(name, layer);
  }
  const refKey = (r: TensorRef): string => key(scope, r.layer, r.node, r.tensor);
  if (inputs !== undefined && inputs.length !== inputRefs.length) {
    throw kerasError('KERAS_BAD_CONFIG', where, `${where} is called with ${inputs.length} inputs but declares ${inputRefs.length}`);
  }
  inputRefs.forEach((r, i) => {
    const layer = byName.get(r.layer);
    if (layer === undefined) throw kerasError('KERAS_BAD_CONFIG', where, `${where}: input layer '${r.layer}' is not among its layers`);
    if (inputs === undefined) addInput(state, r.layer, declaredInputShape(layer), refKey(r));
    else state.aliases.set(refKey(r), inputs[i]);
  });
  const isKnown = (k: string): boolean => state.produced.has(resolve(state, k));
  // Pending calls: (layer, node index) with their input keys, processed when ready.
  const pending: { layer: KerasLayerJson; name: string; node: number; inputs: string[] }[] = [];
  for (const layer of cfg.layers) {
    if (layer.class_name === 'InputLayer') continue;
    const name = nameOf(layer) as string;
    if (layer.inbound_nodes !== undefined && !Array.isArray(layer.inbound_nodes)) {
      throw kerasError('KERAS_BAD_CONFIG', `${where} layer '${name}'`, `${where}: layer '${name}' has inbound_nodes ${show(layer.inbound_nodes)}, expected a list of calls; the model JSON is damaged`);
    }
    (layer.inbound_nodes ?? []).forEach((node, index) => {
      const refs = parseInboundNode(node, `${where} layer '${name}'`);
      pending.push({ layer, name, node: index, inputs: refs.map(refKey) });
    });
  }
  while (pending.length > 0) {
    const i = pending.findIndex((p) => p.inputs.every(isKnown));
    if (i < 0) {
      const p = pending[0];
      const missing = p.inputs.filter((k) => !isKnown(k)).map((k) => k.slice(scope.idPrefix.length).replace(/@.*/, ''));
      throw kerasError(
        'KERAS_BAD_CONFIG',
        `${where} layer '${p.name}'`,
        `${where}: layer '${p.name}' takes the output of '${missing.join("', '")}', which no layer produces (or the layers form a cycle); the model JSON is damaged`,
      );
    }
    const [call] = pending.splice(i, 1);
    const resolved = call.inputs.map((k) => resolve(state, k));
    const id = `${scope.idPrefix}${call.name}${call.node > 0 ? `#${call.node}` : ''}`;
    if (isModelLayer(call.layer)) {
      const outs = expand(state, call.layer, { idPrefix: `${id}/`, weightPath: [...scope.weightPath, call.name] }, resolved);
      outs.forEach((o, t) => state.aliases.set(key(scope, call.name, call.node, t), o));
      continue;
    }
    const out = key(scope, call.name, call.node, 0);
    state.calls.push({ layer: call.layer, className: call.layer.class_name, name: call.name, weightPath: [...scope.weightPath, call.name], id, inputs: resolved, output: out });
    state.produced.add(out);
  }
  return outputRefs.map((r) => {
    const k = refKey(r);
    if (!isKnown(k)) throw kerasError('KERAS_BAD_CONFIG', where, `${where}: output '${r.layer}' is not produced by any layer; the model JSON is damaged`);
    return resolve(state, k);
  });
}

/** Every entry of a model's layer list must be a `{ class_name, config }` object. */
function checkLayerEntries(layers: readonly unknown[], where: string): void {
  layers.forEach((layer, i) => {
    if (typeof layer !== 'object' || layer === null || typeof (layer as { class_name?: unknown }).class_name !== 'string') {
      throw kerasError('KERAS_BAD_CONFIG', where, `${where}: layer entry ${i} is ${show(layer)}, expected { class_name, config }; the model JSON is damaged`);
    }
  });
}
