import type { Graph, Padding } from '@snn/ir';
import { loihiError } from '../error-codes.js';
import type { LoihiConnection, LoihiLayer } from '../resources/layer.js';
import { readChain, type ChainLayer, type ChainOptions } from './chain.js';

/**
 * The populations of a sequential graph as the resource model sees them (`splitNetwork`,
 * `autoPartition`, `coreUtilization`): one layer per neurons node (off-chip ones marked; by
 * default the first), then the host dense output layer.
 */
export function graphToLoihiLayers(graph: Graph, options: ChainOptions = {}): LoihiLayer[] {
  const chain = readChain(graph, options);
  const layers: LoihiLayer[] = chain.layers.map((l, i) => {
    const input = i === 0 ? undefined : connection(l);
    return { name: l.neurons.id, shape: l.shape, ...(input ? { input } : {}), ...(l.offChip ? { offChip: true } : {}) };
  });
  const out = chain.output.dense;
  layers.push({ name: out.id, shape: [out.weights.shape[1]!], input: { kind: 'dense' }, offChip: true });
  return layers;
}

function connection(l: ChainLayer): LoihiConnection | undefined {
  const t = l.transform;
  if (t === undefined) return undefined;
  if (t.kind === 'dense') return { kind: 'dense' };
  return { kind: 'conv2d', kernel: [t.kernel.shape[0]!, t.kernel.shape[1]!], strides: [t.strides[0]!, t.strides[1]!], padding: padding(t.padding, t.id) };
}

function padding(p: Padding, id: string): 'valid' | 'same' {
  if (p === 'valid' || p === 'same') return p;
  throw loihiError('LOIHI_UNSUPPORTED', `conv "${id}" has explicit padding; the resource model knows 'valid' and 'same'`, id);
}
