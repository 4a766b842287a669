import type { Edge, Graph, GraphNode, SynapseSpec } from '../types.js';
import { irError } from '../error-codes.js';
import { preview } from '../describe.js';
import { indexGraph } from '../graph-index.js';
import { validateSynapse } from '../synapse-spec.js';
import { NODE_KINDS } from '../schema.js';
import { selectNodes } from './select-nodes.js';

/**
 * Which edges {@link setSynapses} changes: those leaving neurons nodes (`'fromNeurons'`),
 * every edge (`'all'`), those leaving the listed node ids, or those a function picks.
 */
export type SynapseSelector = 'fromNeurons' | 'all' | readonly string[] | ((edge: Edge, source: GraphNode, target: GraphNode) => boolean);

/**
 * Put `spec` on edges, or remove their synapses with `null`. By default (`where:
 * 'fromNeurons'`) only edges whose source is a neurons node change, as NengoDL's
 * converter does (spec §5.3: synapse when the pre object is Neurons, else none, output
 * probes included). `'all'` changes every edge; a list of node ids changes the edges
 * leaving those nodes (unknown ids throw `IR_UNKNOWN_NODE`); a function picks edges itself.
 * Returns a new graph; the input is not modified.
 */
export function setSynapses(graph: Graph, spec: SynapseSpec | null, options: { readonly where?: SynapseSelector } = {}): Graph {
  const index = indexGraph(graph);
  const where = options.where ?? 'fromNeurons';
  if (where !== 'fromNeurons' && where !== 'all' && typeof where !== 'function' && !Array.isArray(where)) {
    throw irError('IR_BAD_ARGUMENT', undefined, `setSynapses: option 'where' is ${preview(where)}; use 'fromNeurons', 'all', a list of node ids or a function`);
  }
  const sources = Array.isArray(where) ? selectNodes(graph, where, 'setSynapses', "option 'where'", NODE_KINDS, '') : undefined;
  const synapse = spec === null ? null : validateSynapse(spec, 'setSynapses');
  const nodeAt = (id: string): GraphNode => graph.nodes[index.position.get(id)!];
  const selected = (e: Edge): boolean => {
    if (sources) return sources.has(e.source);
    if (where === 'all') return true;
    if (where === 'fromNeurons') return nodeAt(e.source).kind === 'neurons';
    return (where as Exclude<SynapseSelector, string | readonly string[]>)(e, nodeAt(e.source), nodeAt(e.target));
  };
  const edges = graph.edges.map((e): Edge => {
    if (!selected(e)) return e;
    if (synapse) return { ...e, synapse };
    if (e.synapse === undefined) return e;
    const { synapse: _removed, ...rest } = e;
    return rest;
  });
  return { ...graph, nodes: [...graph.nodes], edges };
}
