import type { Graph, NeuronsNode } from '../types.js';
import { irError } from '../error-codes.js';
import { nodeLabel, preview } from '../describe.js';
import { mapNodes } from './map-nodes.js';
import { selectNodes } from './select-nodes.js';

/** What a neurons node becomes: a type name and, optionally, new params (else the old ones are kept). */
export interface NeuronSwapResult {
  readonly neuronType: string;
  readonly params?: Readonly<Record<string, number>>;
}

/** A neuron type to swap to: a type name (the node's params kept) or a {@link NeuronSwapResult}. */
export type NeuronTarget = string | NeuronSwapResult;

/**
 * How {@link swapNeurons} picks new types:
 * - a type name: every neurons node becomes that type;
 * - a map to {@link NeuronTarget}s, keyed by old type name (default) or, with
 *   `{ by: 'node' }`, by neurons node id;
 * - a function of the node returning the replacement, or `undefined` to keep the node.
 */
export type NeuronSwap = string | Readonly<Record<string, NeuronTarget>> | ((node: NeuronsNode) => NeuronSwapResult | undefined);

/** Options of {@link swapNeurons}. */
export interface SwapNeuronsOptions {
  /** How the keys of a map are read: old neuron type names (`'type'`, default) or neurons node ids (`'node'`). */
  readonly by?: 'type' | 'node';
}

/**
 * Change the neuron types of neurons nodes, e.g. `{ RectifiedLinear: 'SpikingRectifiedLinear' }`
 * (NengoDL's `swap_activations`), `'LIF'` (every node), or `{ relu1: 'LIF' }, { by: 'node' }`.
 * Gain and bias are kept. Params are kept for a type-name target and replaced by a
 * target's `params` when given, except `amplitude`, which belongs to the node's firing-rate
 * scaling (gain, bias and amplitude move together, see `scaleFiringRates`) and is carried
 * over unless the new params set it. Empty params are dropped.
 *
 * Type names absent from the graph are ignored (a map may be meant for several graphs);
 * node ids must name neurons nodes (`IR_UNKNOWN_NODE`, `IR_BAD_ARGUMENT`). Type names are
 * not checked against a registry here. Returns a new graph; the input is not modified.
 */
export function swapNeurons(graph: Graph, swap: NeuronSwap, options: SwapNeuronsOptions = {}): Graph {
  const pick = picker(graph, swap, options.by ?? 'type');
  return mapNodes(graph, (node) => {
    if (node.kind !== 'neurons') return node;
    const result = pick(node);
    if (result === undefined) return node;
    if (typeof result !== 'object' || result === null || typeof result.neuronType !== 'string' || result.neuronType.length === 0) {
      throw irError('IR_BAD_ARGUMENT', node.id, `swapNeurons: replacement for ${nodeLabel(node)} is ${preview(result)}; give a registered neuron type name`);
    }
    return swapped(node, result);
  });
}

/** `target` as a {@link NeuronSwapResult}. */
export function swapResult(target: NeuronTarget): NeuronSwapResult {
  return typeof target === 'string' ? { neuronType: target } : target;
}

function picker(graph: Graph, swap: NeuronSwap, by: 'type' | 'node'): (node: NeuronsNode) => NeuronSwapResult | undefined {
  if (typeof swap === 'function') return swap;
  if (typeof swap === 'string') return () => ({ neuronType: swap });
  if (typeof swap !== 'object' || swap === null) {
    throw irError('IR_BAD_ARGUMENT', undefined, `swapNeurons: the swap is ${preview(swap)}; give a type name, a map or a function`);
  }
  if (by !== 'type' && by !== 'node') throw irError('IR_BAD_ARGUMENT', undefined, `swapNeurons: option 'by' is ${preview(by)}; use 'type' or 'node'`);
  if (by === 'node') selectNodes(graph, Object.keys(swap), 'swapNeurons', 'the swap map', ['neurons'], 'only neurons nodes have a neuron type');
  return (node) => {
    const key = by === 'node' ? node.id : node.neuronType;
    return Object.prototype.hasOwnProperty.call(swap, key) ? swapResult(swap[key]) : undefined;
  };
}

function swapped(node: NeuronsNode, result: NeuronSwapResult): NeuronsNode {
  const amplitude = node.params?.amplitude;
  let params = result.params ? { ...result.params } : node.params;
  if (amplitude !== undefined && params?.amplitude === undefined) params = { ...params, amplitude };
  const next: NeuronsNode = { ...node, neuronType: result.neuronType, params };
  if (params === undefined || Object.keys(params).length === 0) delete (next as { params?: unknown }).params;
  return next;
}
