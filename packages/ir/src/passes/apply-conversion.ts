import type { Graph, NeuronsNode } from '../types.js';
import { irError } from '../error-codes.js';
import { preview } from '../describe.js';
import { checkGraphShape } from '../graph-index.js';
import { validateSynapse } from '../synapse-spec.js';
import type { ConversionHooks, ConversionOptions, ConversionResult, NeuronSwapSpec } from './conversion-options.js';
import { foldBatchNorm, type FoldedAffine } from './fold-batch-norm.js';
import { maxToAvgPool } from './max-to-avg-pool.js';
import { scaleFiringRates } from './scale-firing-rates.js';
import { scaleInputs } from './scale-inputs.js';
import { selectNodes } from './select-nodes.js';
import { setSynapses } from './set-synapses.js';
import { swapNeurons, swapResult, type NeuronSwapResult } from './swap-neurons.js';

const OPTION_KEYS = ['inputScaling', 'foldBatchNorm', 'maxToAvgPool', 'swapNeurons', 'scaleFiringRates', 'synapse', 'nodeSynapses'];

/**
 * Convert a graph for spiking inference with one set of options, in NengoDL's order of
 * effect: fold batch normalization (default on), add input scaling (and fold it), turn
 * max pooling into average pooling, swap neuron types, scale firing rates, then put
 * synapses on edges (leaving neurons nodes, then per listed node). Works on any graph:
 * imported, built in code, trained, or read from `.snn`.
 *
 * `hooks` carry what only a neuron registry knows (`hasAmplitude`). The settings are
 * recorded in `metadata.conversion` (merged over earlier ones: each key holds the last
 * value applied); `metadata.inferenceOnly` entries whose node was folded now name the
 * node it was folded into. Applying a compounding setting again (firing-rate scale, input
 * scaling) multiplies with the earlier one and says so in `notes`.
 * Returns a new graph; the input is not modified. Bad options throw `SnnError`s naming them.
 */
export function applyConversion(graph: Graph, options: ConversionOptions = {}, hooks: ConversionHooks = {}): ConversionResult {
  checkGraphShape(graph);
  checkOptionKeys(options);
  const notes: string[] = [];
  const fold = options.foldBatchNorm !== false;
  let g = fold ? foldBatchNorm(graph) : graph;
  if (options.inputScaling !== undefined) {
    g = scaleInputs(g, options.inputScaling);
    if (fold) g = foldBatchNorm(g);
  }
  if (options.maxToAvgPool !== undefined && options.maxToAvgPool !== false) {
    g = maxToAvgPool(g, options.maxToAvgPool === true ? {} : { nodes: options.maxToAvgPool });
  }
  if (options.swapNeurons !== undefined) g = swapNeurons(g, neuronPicker(g, options.swapNeurons));
  if (options.scaleFiringRates !== undefined) {
    g = scaleFiringRates(g, options.scaleFiringRates, { ...(hooks.hasAmplitude ? { hasAmplitude: hooks.hasAmplitude } : {}), warn: (m) => notes.push(m) });
  }
  if (options.synapse !== undefined) g = setSynapses(g, options.synapse);
  for (const [id, spec] of Object.entries(options.nodeSynapses ?? {})) g = setSynapses(g, spec, { where: [id] });
  const previous = (graph.metadata?.conversion ?? {}) as Readonly<Record<string, unknown>>;
  for (const key of ['scaleFiringRates', 'inputScaling'] as const) {
    if (options[key] !== undefined && previous[key] !== undefined) {
      notes.push(`the graph was already converted with ${key} ${preview(previous[key])}; ${preview(options[key])} applies on top of it (the effects multiply)`);
    }
  }
  return { graph: withRecord(g, graph, options, fold), notes };
}

function checkOptionKeys(options: ConversionOptions): void {
  if (typeof options !== 'object' || options === null) throw irError('IR_BAD_ARGUMENT', undefined, `applyConversion: options are ${preview(options)}; give an object`);
  for (const key of Object.keys(options)) {
    if (!OPTION_KEYS.includes(key)) throw irError('IR_BAD_ARGUMENT', key, `applyConversion: unknown option '${key}'; options: ${OPTION_KEYS.join(', ')}`);
  }
}

/** The per-node choice of a {@link NeuronSwapSpec}: byNode, else byType, else all. */
function neuronPicker(graph: Graph, spec: NeuronSwapSpec): (node: NeuronsNode) => NeuronSwapResult | undefined {
  if (typeof spec !== 'object' || spec === null) throw irError('IR_BAD_ARGUMENT', 'swapNeurons', `applyConversion: swapNeurons is ${preview(spec)}; give { all?, byType?, byNode? }`);
  const byNode = spec.byNode ?? {};
  const byType = spec.byType ?? {};
  selectNodes(graph, Object.keys(byNode), 'applyConversion', 'swapNeurons.byNode', ['neurons'], 'only neurons nodes have a neuron type');
  const own = (map: Readonly<Record<string, unknown>>, key: string): boolean => Object.prototype.hasOwnProperty.call(map, key);
  return (node) => {
    if (own(byNode, node.id)) return swapResult(byNode[node.id]);
    if (own(byType, node.neuronType)) return swapResult(byType[node.neuronType]);
    return spec.all === undefined ? undefined : swapResult(spec.all);
  };
}

/** `graph` with the settings recorded and inference-only entries following their folded nodes. */
function withRecord(graph: Graph, input: Graph, options: ConversionOptions, fold: boolean): Graph {
  const meta = graph.metadata ?? {};
  const before = Array.isArray(input.metadata?.foldedBatchNorm) ? input.metadata.foldedBatchNorm.length : 0;
  const folds = Array.isArray(meta.foldedBatchNorm) ? (meta.foldedBatchNorm.slice(before) as FoldedAffine[]) : [];
  const into = new Map(folds.map((f) => [f.node, f.into]));
  const inferenceOnly = Array.isArray(meta.inferenceOnly)
    ? { inferenceOnly: (meta.inferenceOnly as { node?: string }[]).map((e) => (e.node !== undefined && into.has(e.node) ? { ...e, node: into.get(e.node) } : e)) }
    : {};
  const synapse = options.synapse === undefined || options.synapse === null ? options.synapse : validateSynapse(options.synapse, 'applyConversion: synapse');
  const record = {
    ...((meta.conversion ?? {}) as Record<string, unknown>),
    foldBatchNorm: fold,
    ...Object.fromEntries(Object.entries({ ...options, synapse }).filter(([k, v]) => k !== 'foldBatchNorm' && v !== undefined)),
  };
  return { ...graph, metadata: { ...meta, ...inferenceOnly, conversion: record } };
}
