import type { ConversionOptions, Graph, NeuronSwapResult, SynapseSpec } from '@snn/ir';
import { createNeuronRegistry, type NeuronRegistry } from '@snn/neurons';
import { coerceSynapse } from '@snn/synapses';
import { kerasError } from '../errors.js';
import { kerasActivationOf, resolveSwap } from './activation.js';
import type { KerasGraphMetadata } from './convert-model.js';
import type { ImportOptions, NeuronChoice } from './options.js';

/** The import options that are graph passes (everything {@link kerasConversionOptions} translates). */
export type KerasConversionOptions = Pick<
  ImportOptions,
  'swapActivations' | 'layerNeurons' | 'scaleFiringRates' | 'synapse' | 'layerSynapses' | 'maxToAvgPool' | 'inputScale' | 'inputOffset' | 'foldBatchNorm'
>;

/** What {@link kerasConversionOptions} needs besides the graph. */
export interface KerasConversionContext {
  /** Neuron types swaps may name (default: the built-in types). */
  readonly neuronTypes?: NeuronRegistry;
  /** `swapActivations` keys the importer already applied while converting layers (not reported as unused). */
  readonly appliedSwaps?: ReadonlySet<string>;
}

/** Conversion options in graph terms, and what the translation warns about. */
export interface TranslatedOptions {
  readonly options: ConversionOptions;
  readonly warnings: readonly string[];
}

/**
 * Translate Keras-named conversion options into `@snn/ir` {@link ConversionOptions} for
 * `graph`: Keras layer names become node ids through `metadata.layers` (a neurons node id
 * is accepted wherever a layer name is, so graphs built in code or read from `.snn` work
 * too), and Keras activation names (`relu`, `sigmoid`, `tanh`) become the neuron type
 * names they map to (spec §5.1). Swaps make fresh neurons (the new type's defaults or the
 * given params), as NengoDL's `swap_activations` does. Throws `KERAS_BAD_OPTION` naming
 * the option at fault.
 */
export function kerasConversionOptions(graph: Graph, options: KerasConversionOptions, context: KerasConversionContext = {}): TranslatedOptions {
  const neuronTypes = context.neuronTypes ?? createNeuronRegistry();
  const warnings: string[] = [];
  const names = new LayerNames(graph);
  const scaling = inputScaling(options);
  const swaps = neuronSwaps(graph, options, names, neuronTypes, context.appliedSwaps ?? new Set(), warnings);
  const scale = firingRateScale(options.scaleFiringRates, names, warnings);
  const synapse = coerceSynapse(options.synapse ?? null, 'option synapse');
  const nodeSynapses: Record<string, SynapseSpec | null> = {};
  for (const [name, value] of Object.entries(options.layerSynapses ?? {})) {
    const spec = coerceSynapse(value, `option layerSynapses.${name}`) ?? null;
    for (const id of names.resolve(name, 'layerSynapses', 'any', warnings)) nodeSynapses[id] = spec;
  }
  const ir: ConversionOptions = {
    ...(scaling ? { inputScaling: scaling } : {}),
    ...(options.foldBatchNorm === false ? { foldBatchNorm: false } : {}),
    ...(options.maxToAvgPool === true ? { maxToAvgPool: true } : {}),
    ...(swaps ? { swapNeurons: swaps } : {}),
    ...(scale !== undefined ? { scaleFiringRates: scale } : {}),
    ...(synapse !== undefined ? { synapse } : {}),
    ...(Object.keys(nodeSynapses).length > 0 ? { nodeSynapses } : {}),
  };
  return { options: ir, warnings };
}

/** Keras layer names and node ids of one graph, resolved to node ids. */
class LayerNames {
  private readonly layers: Readonly<Record<string, { readonly nodes: readonly string[] }>>;
  private readonly kinds: ReadonlyMap<string, string>;

  constructor(private readonly graph: Graph) {
    this.layers = (graph.metadata as Partial<KerasGraphMetadata> | undefined)?.layers ?? {};
    this.kinds = new Map(graph.nodes.map((n) => [n.id, n.kind]));
  }

  /**
   * The node ids `name` stands for in option `option`: a Keras layer's neurons nodes, or
   * the node of that id (a neurons node, or with `any` a node of any kind).
   */
  resolve(name: string, option: string, want: 'neurons' | 'any', warnings: string[]): string[] {
    if (Object.prototype.hasOwnProperty.call(this.layers, name)) {
      const ids = this.layers[name].nodes.filter((id) => this.kinds.get(id) === 'neurons');
      if (ids.length === 0) warnings.push(`${option}: layer '${name}' has no neurons (linear activation); its setting is ignored`);
      return ids;
    }
    const kind = this.kinds.get(name);
    if (kind === 'neurons' || (kind !== undefined && want === 'any')) return [name];
    const layerNames = Object.keys(this.layers);
    const neurons = this.graph.nodes.filter((n) => n.kind === 'neurons').map((n) => n.id);
    const detail =
      kind !== undefined
        ? `node '${name}' (${kind}), which has no neurons; name its neurons node (${neurons.join(', ') || 'none'}) or its Keras layer`
        : layerNames.length > 0
          ? `layer '${name}', which the model does not have; layers: ${layerNames.join(', ')}`
          : `'${name}', which is neither a Keras layer nor a node of the graph; neurons nodes: ${neurons.join(', ') || 'none'}`;
    throw kerasError('KERAS_BAD_OPTION', `${option}.${name}`, `option ${option} names ${detail}`);
  }
}

function inputScaling(options: KerasConversionOptions): ConversionOptions['inputScaling'] {
  const scale = checkedNumber(options.inputScale, 'inputScale', 1);
  const offset = checkedNumber(options.inputOffset, 'inputOffset', 0);
  return scale === 1 && offset === 0 ? undefined : { scale, offset };
}

function checkedNumber(value: unknown, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw kerasError('KERAS_BAD_OPTION', name, `option ${name} is ${String(value)}; give a finite number (e.g. inputScale: 1/255 for 0..255 pixels)`);
  }
  return value;
}

function firingRateScale(scale: ImportOptions['scaleFiringRates'], names: LayerNames, warnings: string[]): ConversionOptions['scaleFiringRates'] {
  if (scale === undefined || typeof scale === 'number') return scale;
  if (typeof scale !== 'object' || scale === null) {
    throw kerasError('KERAS_BAD_OPTION', 'scaleFiringRates', `option scaleFiringRates is ${String(scale)}; give a number or a map from Keras layer name to number`);
  }
  const byNode: Record<string, number> = {};
  for (const [name, s] of Object.entries(scale)) for (const id of names.resolve(name, 'scaleFiringRates', 'neurons', warnings)) byNode[id] = s;
  return byNode;
}

/** A fresh neuron of the chosen type (NengoDL builds a new neuron type object). */
function fresh(choice: { readonly neuronType: string; readonly params?: Readonly<Record<string, number>> }): NeuronSwapResult {
  return { neuronType: choice.neuronType, params: { ...(choice.params ?? {}) } };
}

/**
 * `swapActivations` as swaps keyed by the types in the graph (spec §5.1: a Keras-keyed
 * swap, then a swap keyed by the resulting type), and `layerNeurons` as swaps by node.
 */
function neuronSwaps(
  graph: Graph,
  options: KerasConversionOptions,
  names: LayerNames,
  neuronTypes: NeuronRegistry,
  applied: ReadonlySet<string>,
  warnings: string[],
): ConversionOptions['swapNeurons'] {
  const swaps = options.swapActivations ?? {};
  const used = new Set(applied);
  const take = (key: string): string | NeuronChoice | undefined => {
    if (applied.has(key) || !Object.prototype.hasOwnProperty.call(swaps, key)) return undefined;
    used.add(key);
    return swaps[key];
  };
  const byType: Record<string, NeuronSwapResult> = {};
  for (const type of new Set(graph.nodes.flatMap((n) => (n.kind === 'neurons' ? [n.neuronType] : [])))) {
    const activation = kerasActivationOf(type);
    const byActivation = activation === undefined ? undefined : take(activation);
    let target = byActivation === undefined ? undefined : resolveSwap(byActivation, activation as string, neuronTypes);
    if (target !== undefined && target.kind !== 'neurons') {
      throw kerasError('KERAS_BAD_OPTION', `swapActivations.${activation}`, `swapActivations.${activation} removes the neurons of a converted graph; only the importer can do that (pass it to importKeras)`);
    }
    const typeKey = target?.neuronType ?? type;
    const byTypeName = take(typeKey);
    if (byTypeName !== undefined) target = resolveSwap(byTypeName, typeKey, neuronTypes);
    if (target?.kind === 'neurons') byType[type] = fresh(target);
  }
  const unused = Object.keys(swaps).filter((k) => !used.has(k));
  if (unused.length > 0) warnings.push(`swapActivations contained ${unused.join(', ')}, but there were no layers in the model with that activation type`);
  const byNode: Record<string, NeuronSwapResult> = {};
  for (const [name, value] of Object.entries(options.layerNeurons ?? {})) {
    const target = resolveSwap(value, name, neuronTypes, 'layerNeurons');
    if (target.kind !== 'neurons') throw kerasError('KERAS_BAD_OPTION', `layerNeurons.${name}`, `layerNeurons.${name} is '${String(value)}'; give a neuron type (a layer's neurons cannot be removed after the import)`);
    for (const id of names.resolve(name, 'layerNeurons', 'neurons', warnings)) byNode[id] = fresh(target);
  }
  const spec = { ...(Object.keys(byType).length > 0 ? { byType } : {}), ...(Object.keys(byNode).length > 0 ? { byNode } : {}) };
  return Object.keys(spec).length > 0 ? spec : undefined;
}
