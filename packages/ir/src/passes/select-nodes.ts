import type { Graph, GraphNode, NodeKind } from '../types.js';
import { irError } from '../error-codes.js';
import { nodeLabel, preview } from '../describe.js';
import { knownIds } from '../graph-index.js';

/**
 * The nodes a pass is asked to change by id: every id must name a node of `graph` whose
 * kind is one of `kinds`. Unknown ids throw `IR_UNKNOWN_NODE` (listing the graph's
 * nodes); ids of other kinds and a non-array throw `IR_BAD_ARGUMENT`. `pass` and
 * `option` name the caller in messages, `hint` says which node to name instead.
 */
export function selectNodes(graph: Graph, ids: unknown, pass: string, option: string, kinds: readonly NodeKind[], hint: string): Map<string, GraphNode> {
  if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) {
    throw irError('IR_BAD_ARGUMENT', option, `${pass}: ${option} is ${preview(ids)}; give an array of node ids`);
  }
  const byId = new Map<string, GraphNode>(graph.nodes.map((n) => [n.id, n]));
  const selected = new Map<string, GraphNode>();
  for (const id of ids as string[]) {
    const node = byId.get(id);
    if (node === undefined) throw irError('IR_UNKNOWN_NODE', id, `${pass}: ${option} names '${id}', which is not a node of the graph; ${knownIds(graph)}`);
    if (!kinds.includes(node.kind)) throw irError('IR_BAD_ARGUMENT', id, `${pass}: ${option} names ${nodeLabel(node)}; ${hint}`);
    selected.set(id, node);
  }
  return selected;
}
