import type { Graph } from '@snn/ir';
import { createNeuronRegistry } from '@snn/neurons';
import { kerasError } from '../errors.js';
import type { KerasModelSource } from '../formats/model-source.js';
import { flattenModel } from '../wire/flatten-model.js';
import { layerLabel } from '../wire/config-values.js';
import { ActivationMapper } from './activation.js';
import { createLayerConverterRegistry } from './builtins.js';
import { GraphAssembly } from './graph-assembly.js';
import { createLayerContext, type ConversionEnv, type InferenceOnlyEntry } from './layer-context.js';
import { modelDataFormat, resolveInputShape } from './model-inputs.js';
import type { ImportOptions } from './options.js';
import { irShapeOf, type Layout, type TensorInfo } from './tensor.js';

/** Metadata the importer records on the graph (`graph.metadata`). */
export interface KerasGraphMetadata {
  readonly source: { readonly format: string; readonly fileName: string; readonly modelName: string; readonly kerasVersion?: string; readonly backend?: string };
  /** Per input node: the shape Keras declares (its order) and its data format. (Input scaling is a conversion setting: `conversion.inputScaling`.) */
  readonly inputs: readonly { readonly node: string; readonly kerasShape: readonly number[]; readonly dataFormat: Layout }[];
  /** Per output node, in Keras order: the Keras layer and its final activation (`softmax` is not in the graph: outputs are logits). */
  readonly outputs: readonly { readonly node: string; readonly layer: string; readonly activation: 'softmax' | 'linear' }[];
  /** Keras layer name → class and the IR nodes made for it. */
  readonly layers: Readonly<Record<string, { readonly className: string; readonly nodes: readonly string[] }>>;
  /** Settings that shaped the graph: the importer's (`dataFormat`, `theanoKernels`), then those `applyConversion` records. */
  readonly conversion: Readonly<Record<string, unknown>>;
  /** Layers converted for inference only (trainable batch normalization, ignored regularizers and constraints); absent when none. */
  readonly inferenceOnly?: readonly InferenceOnlyEntry[];
}

/** A converted graph (before the option passes) and what the conversion noticed. */
export interface ConvertedModel {
  readonly graph: Graph;
  readonly warnings: string[];
  /** `swapActivations` keys applied while converting layers (see `ActivationMapper`). */
  readonly appliedSwaps: ReadonlySet<string>;
}

/**
 * Build the IR graph for a model read from its files: expand nested models, convert
 * every layer call with the registered converters, add output nodes, and drop nodes
 * that feed no output. Channels-first models become channels-last here, once. The
 * conversion options that are graph passes are not applied here (see `importKeras`).
 */
export function buildGraph(source: KerasModelSource, options: ImportOptions = {}): ConvertedModel {
  const flat = flattenModel(source.model, source.fileName);
  const registry = options.converters ?? createLayerConverterRegistry();
  const dataFormat = modelDataFormat(flat);
  const theano = options.theanoKernels ?? /theano/i.test(source.backend ?? '');
  const env: ConversionEnv = {
    assembly: new GraphAssembly(),
    weights: source.weights,
    options: { maxToAvgPool: options.maxToAvgPool === true, inferenceOnly: true, theanoKernels: theano, modelDataFormat: dataFormat },
    activations: new ActivationMapper(options.swapActivations ?? {}, options.neuronTypes ?? createNeuronRegistry()),
    usedWeights: new Set(),
    warnings: [],
    inferenceOnly: [],
  };
  const tensors = new Map<string, TensorInfo>();
  const inputs: KerasGraphMetadata['inputs'][number][] = [];
  for (const input of flat.inputs) {
    const kerasShape = resolveInputShape(input, flat, source.weights, options.inputShape, source.fileName);
    const layout: Layout = kerasShape.length >= 2 ? dataFormat : 'channels_last';
    const shape = irShapeOf(kerasShape, layout);
    env.assembly.add({ id: input.id, kind: 'input', shape }, []);
    tensors.set(input.key, { node: input.id, shape, layout });
    inputs.push({ node: input.id, kerasShape, dataFormat: layout });
  }
  for (const call of flat.calls) {
    const converter = registry.get(call.className);
    if (converter === undefined) {
      throw kerasError(
        'KERAS_UNSUPPORTED_LAYER',
        call.name,
        `${layerLabel(call.name, call.className)}: Keras class '${call.className}' has no registered converter. Supported classes: ${registry.names().join(', ')}. Register one with registerLayerConverter(registry, '${call.className}', converter)`,
      );
    }
    const ins = call.inputs.map((k) => tensors.get(k) as TensorInfo);
    tensors.set(call.output, converter(createLayerContext(call, ins, env)));
  }
  const outputs = selectOutputs(flat.outputs, flat.calls, options.outputs, source.fileName);
  const outMeta: KerasGraphMetadata['outputs'][number][] = [];
  for (const out of outputs) {
    const t = tensors.get(out.key) as TensorInfo;
    if (t.flatOrder) {
      throw kerasError('KERAS_UNSUPPORTED_OPTION', out.layer, `output '${out.layer}' is channels-first data flattened in (C, H, W) order, which the channels-last graph cannot output in Keras order; end the model with a Dense layer`);
    }
    const id = env.assembly.freshId(outputs.length === 1 ? 'output' : `output/${out.layer}`);
    env.assembly.add({ id, kind: 'output' }, [t]);
    outMeta.push({ node: id, layer: out.layer, activation: t.softmax ? 'softmax' : 'linear' });
  }
  const metadata: KerasGraphMetadata = {
    source: { format: source.format, fileName: source.fileName, modelName: flat.name, kerasVersion: source.kerasVersion, backend: source.backend },
    inputs,
    outputs: outMeta,
    layers: Object.fromEntries([...env.assembly.layers].map(([name, r]) => [name, { className: r.className, nodes: r.nodes }])),
    conversion: { dataFormat, theanoKernels: theano },
    ...(env.inferenceOnly.length > 0 ? { inferenceOnly: env.inferenceOnly } : {}),
  };
  const graph = pruneUnused({ nodes: env.assembly.nodes, edges: env.assembly.edges, metadata: metadata as unknown as Record<string, unknown> });
  return { graph, warnings: env.warnings, appliedSwaps: env.activations.applied() };
}

function selectOutputs(
  declared: readonly { key: string; layer: string }[],
  calls: readonly { name: string; output: string }[],
  wanted: readonly string[] | undefined,
  fileName: string,
): { key: string; layer: string }[] {
  if (wanted === undefined) return [...declared];
  return wanted.map((name) => {
    const call = [...calls].reverse().find((c) => c.name === name);
    if (call === undefined) {
      throw kerasError('KERAS_BAD_OPTION', `outputs.${name}`, `${fileName}: option outputs names layer '${name}', which the model does not have; layers: ${[...new Set(calls.map((c) => c.name))].join(', ')}`);
    }
    return { key: call.output, layer: name };
  });
}

/** Drop nodes from which no output node can be reached (layers Keras never evaluates for the outputs); inputs stay. */
function pruneUnused(graph: Graph): Graph {
  const keep = new Set(graph.nodes.filter((n) => n.kind === 'output' || n.kind === 'input').map((n) => n.id));
  const into = new Map<string, string[]>();
  for (const e of graph.edges) into.set(e.target, [...(into.get(e.target) ?? []), e.source]);
  const stack = graph.nodes.filter((n) => n.kind === 'output').map((n) => n.id);
  while (stack.length > 0) {
    for (const s of into.get(stack.pop() as string) ?? []) {
      if (!keep.has(s)) {
        keep.add(s);
        stack.push(s);
      }
    }
  }
  if (keep.size === graph.nodes.length) return graph;
  const metadata = graph.metadata as unknown as KerasGraphMetadata;
  const layers = Object.fromEntries(
    Object.entries(metadata.layers)
      .map(([name, r]) => [name, { ...r, nodes: r.nodes.filter((id) => keep.has(id)) }] as const)
      .filter(([, r]) => r.nodes.length > 0),
  );
  const inferenceOnly = metadata.inferenceOnly?.filter((e) => e.node === undefined || keep.has(e.node));
  return {
    nodes: graph.nodes.filter((n) => keep.has(n.id)),
    edges: graph.edges.filter((e) => keep.has(e.source) && keep.has(e.target)),
    metadata: { ...withoutInferenceOnly(metadata), layers, ...(inferenceOnly?.length ? { inferenceOnly } : {}) } as unknown as Record<string, unknown>,
  };
}

function withoutInferenceOnly(metadata: KerasGraphMetadata): Omit<KerasGraphMetadata, 'inferenceOnly'> {
  const { inferenceOnly: _dropped, ...rest } = metadata;
  return rest;
}
