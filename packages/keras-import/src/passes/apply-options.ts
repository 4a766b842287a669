import { scaleFiringRates, setSynapses, type Graph, type Param } from '@snn/ir';
import type { NeuronRegistry } from '@snn/neurons';
import { coerceSynapse } from '@snn/synapses';
import { kerasError } from '../errors.js';
import type { KerasGraphMetadata } from '../convert/convert-model.js';
import type { ImportOptions } from '../convert/options.js';
import { foldBatchNorm } from './fold-batch-norm.js';

/**
 * Apply the conversion options that are graph passes, in NengoDL's order of effect:
 * fold batch normalization (unless `foldBatchNorm: false`), scale firing rates (per Keras
 * layer name or globally), then put `synapse` on every edge leaving a neurons node.
 * Returns a new graph; warnings are appended to `warnings`.
 */
export function applyConversionOptions(graph: Graph, options: ImportOptions, neuronTypes: NeuronRegistry, warnings: string[]): Graph {
  let g = graph;
  if (options.foldBatchNorm !== false) g = foldBatchNorm(g);
  const scale = options.scaleFiringRates;
  if (scale !== undefined) {
    const factors = neuronScaleMap(g, scale, neuronTypes, warnings);
    const withAmplitude = Object.fromEntries(Object.entries(factors).filter(([id]) => hasAmplitude(g, id, neuronTypes)));
    g = gainOnly(scaleFiringRates(g, withAmplitude), factors, withAmplitude);
  }
  const synapse = coerceSynapse(options.synapse ?? null, 'option synapse');
  if (synapse !== undefined) g = setSynapses(g, synapse);
  return withConversion(g, {
    foldBatchNorm: options.foldBatchNorm !== false,
    ...(scale !== undefined ? { scaleFiringRates: scale } : {}),
    ...(synapse !== undefined ? { synapse } : {}),
    ...(options.swapActivations ? { swapActivations: options.swapActivations } : {}),
  });
}

/** Translate `scaleFiringRates` (number or Keras layer name → factor) to a neurons-node-id map. */
function neuronScaleMap(graph: Graph, scale: number | Readonly<Record<string, number>>, neuronTypes: NeuronRegistry, warnings: string[]): Record<string, number> {
  const meta = graph.metadata as unknown as KerasGraphMetadata;
  const neurons = new Map(graph.nodes.filter((n) => n.kind === 'neurons').map((n) => [n.id, n]));
  const out: Record<string, number> = {};
  const put = (id: string, s: number): void => {
    const node = neurons.get(id);
    if (node === undefined || node.kind !== 'neurons') return;
    out[id] = s;
    if (!hasAmplitude(graph, id, neuronTypes)) {
      warnings.push(`Firing rate scaling being applied to activation type that does not support amplitude (${node.neuronType}, node '${id}'); this will change the output`);
    }
  };
  if (typeof scale === 'number') {
    for (const id of neurons.keys()) put(id, scale);
    return out;
  }
  if (typeof scale !== 'object' || scale === null) {
    throw kerasError('KERAS_BAD_OPTION', 'scaleFiringRates', `option scaleFiringRates is ${String(scale)}; give a number or a map from Keras layer name to number`);
  }
  for (const [layer, s] of Object.entries(scale)) {
    const record = meta.layers[layer];
    if (record === undefined) {
      throw kerasError(
        'KERAS_BAD_OPTION',
        `scaleFiringRates.${layer}`,
        `option scaleFiringRates names layer '${layer}', which the model does not have; layers: ${Object.keys(meta.layers).join(', ')}`,
      );
    }
    const ids = record.nodes.filter((id) => neurons.has(id));
    if (ids.length === 0) warnings.push(`scaleFiringRates: layer '${layer}' has no neurons (linear activation); its factor is ignored`);
    for (const id of ids) put(id, s);
  }
  return out;
}

function hasAmplitude(graph: Graph, id: string, neuronTypes: NeuronRegistry): boolean {
  const node = graph.nodes.find((n) => n.id === id);
  if (node === undefined || node.kind !== 'neurons' || !neuronTypes.has(node.neuronType)) return true;
  return 'amplitude' in neuronTypes.get(node.neuronType).params;
}

/**
 * NengoDL on types without an amplitude (Sigmoid, Tanh): the gain is still scaled (and
 * the output changes, hence the warning), but there is no amplitude to compensate.
 */
function gainOnly(graph: Graph, factors: Readonly<Record<string, number>>, done: Readonly<Record<string, number>>): Graph {
  const todo = Object.keys(factors).filter((id) => !(id in done));
  if (todo.length === 0) return graph;
  const nodes = graph.nodes.map((n) => {
    if (n.kind !== 'neurons' || !todo.includes(n.id)) return n;
    const s = factors[n.id];
    const times = (p: Param | undefined, fallback: number | undefined): Param | undefined =>
      p ? { shape: [...p.shape], data: p.data.map((v) => v * s) } : fallback === undefined ? undefined : { shape: [], data: Float32Array.of(fallback) };
    const gain = times(n.gain, s) as Param;
    const bias = times(n.bias, undefined);
    return { ...n, gain, ...(bias ? { bias } : {}) };
  });
  return { ...graph, nodes };
}

function withConversion(graph: Graph, extra: Record<string, unknown>): Graph {
  const meta = graph.metadata as unknown as KerasGraphMetadata;
  const ids = new Set(graph.nodes.map((n) => n.id));
  const layers = Object.fromEntries(Object.entries(meta.layers).map(([name, r]) => [name, { ...r, nodes: r.nodes.filter((id) => ids.has(id)) }]));
  return { ...graph, metadata: { ...meta, layers, conversion: { ...meta.conversion, ...extra } } as unknown as Record<string, unknown> };
}
