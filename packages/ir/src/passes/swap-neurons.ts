import type { Graph, NeuronsNode } from '../types.js';
import { irError } from '../error-codes.js';
import { nodeLabel, preview } from '../describe.js';
import { mapNodes } from './map-nodes.js';

/** What a neurons node becomes: a type name and, optionally, new params (else the old ones are kept). */
export interface NeuronSwapResult {
  readonly neuronType: string;
  readonly params?: Readonly<Record<string, number>>;
}

/**
 * How {@link swapNeurons} picks new types: a map from old type name to new type name
 * (params kept), or a function of the node returning the replacement or `undefined`
 * to leave the node as it is.
 */
export type NeuronSwap = Readonly<Record<string, string>> | ((node: NeuronsNode) => NeuronSwapResult | undefined);

/**
 * Change the neuron types of neurons nodes, e.g. `{ RectifiedLinear: 'SpikingRectifiedLinear' }`
 * (NengoDL's `swap_activations`). Gain and bias are kept. Returns a new graph; the input
 * is not modified. Names absent from the graph are ignored (they may be meant for other
 * graphs); type names are not checked against a registry here.
 */
export function swapNeurons(graph: Graph, swap: NeuronSwap): Graph {
  const pick = typeof swap === 'function' ? swap : (node: NeuronsNode): NeuronSwapResult | undefined => {
    const to = Object.prototype.hasOwnProperty.call(swap, node.neuronType) ? swap[node.neuronType] : undefined;
    return to === undefined ? undefined : { neuronType: to };
  };
  return mapNodes(graph, (node) => {
    if (node.kind !== 'neurons') return node;
    const result = pick(node);
    if (result === undefined) return node;
    if (typeof result.neuronType !== 'string' || result.neuronType.length === 0) {
      throw irError('IR_BAD_ARGUMENT', node.id, `swapNeurons: replacement for ${nodeLabel(node)} has neuronType ${preview(result.neuronType)}; give a registered neuron type name`);
    }
    const params = result.params ?? node.params;
    const next: NeuronsNode = { ...node, neuronType: result.neuronType, params };
    if (params === undefined) delete (next as { params?: unknown }).params;
    return next;
  });
}
