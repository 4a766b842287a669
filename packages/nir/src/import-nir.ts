import { inferShapes, type Graph, type GraphNode } from '@snn/ir';
import { nirError } from './error-codes.js';
import { readHdf5 } from './hdf5-io.js';
import type { Hdf5Group } from './hdf5-tree.js';
import { connect, importNode, type ImportContext, type SnnValue } from './import-node.js';
import { NirNode } from './nir-node.js';

/** Options of {@link importNir}. */
export interface ImportNirOptions {
  /** File name used in messages (default `model.nir`). */
  readonly fileName?: string;
}

/** What {@link importNir} returns: the graph and what the user should know about the mapping. */
export interface ImportNirResult {
  readonly graph: Graph;
  /** One sentence each: where snn's discrete-time network may differ from the NIR file's meaning. */
  readonly warnings: readonly string[];
}

/**
 * Read a NIR file (HDF5 bytes written by `nir.write` or {@link exportNir}) into an snn
 * graph: Input, Output, Affine, Linear, Conv2d, Flatten, AvgPool2d, SumPool2d, Scale, IF,
 * LIF, LI and I nodes map (docs/guides/nir.md); a node with several input edges gets an
 * `add` node (NIR sums inputs). Throws an `SnnError` naming the node when a node type
 * (`NIR_UNMAPPABLE_NODE`) or parameter value (`NIR_UNMAPPABLE_PARAM`) cannot map, and
 * `NIR_BAD_FILE` when the bytes are not a NIR graph.
 */
export async function importNir(bytes: Uint8Array, options: ImportNirOptions = {}): Promise<ImportNirResult> {
  const fileName = options.fileName ?? 'model.nir';
  const root = await readHdf5(bytes, fileName);
  const graphGroup = root.members.get('node');
  const type = graphGroup?.kind === 'group' ? graphGroup.members.get('type') : undefined;
  if (graphGroup?.kind !== 'group' || type?.kind !== 'string' || type.data[0] !== 'NIRGraph') {
    throw nirError('NIR_BAD_FILE', fileName, `${fileName}: no 'node' group of type NIRGraph at the root; this is not a NIR file`);
  }
  const nodesGroup = graphGroup.members.get('nodes');
  const edgesSet = graphGroup.members.get('edges');
  if (nodesGroup?.kind !== 'group' || edgesSet === undefined || edgesSet.kind !== 'string') {
    throw nirError('NIR_BAD_FILE', fileName, `${fileName}: the NIRGraph lacks its 'nodes' group or its 'edges' string dataset`);
  }
  const nodes = new Map<string, NirNode>();
  for (const [id, g] of nodesGroup.members) {
    if (g.kind !== 'group') continue;
    const t = g.members.get('type');
    nodes.set(id, new NirNode(id, t?.kind === 'string' ? t.data[0] : '?', g as Hdf5Group));
  }
  const pairs: [string, string][] = [];
  for (let k = 0; k + 1 < edgesSet.data.length; k += 2) pairs.push([edgesSet.data[k], edgesSet.data[k + 1]]);
  for (const [a, c] of pairs) {
    if (!nodes.has(a) || !nodes.has(c)) throw nirError('NIR_BAD_FILE', fileName, `${fileName}: edge '${a}' -> '${c}' names a node the graph does not have`);
  }

  const ctx: ImportContext = { nodes: new Map<string, GraphNode>(), edges: [], warnings: [], outDegree: new Map() };
  for (const [a] of pairs) ctx.outDegree.set(a, (ctx.outDegree.get(a) ?? 0) + 1);
  const values = new Map<string, SnnValue>();
  for (const id of nirTopoOrder(nodes, pairs, fileName)) {
    const inputs = pairs.filter(([, c]) => c === id).map(([a]) => values.get(a) as SnnValue);
    values.set(id, importNode(ctx, nodes.get(id) as NirNode, sumInputs(ctx, id, inputs)));
  }
  const graph: Graph = { nodes: [...ctx.nodes.values()], edges: ctx.edges, metadata: { source: { format: 'nir', file: fileName } } };
  inferShapes(graph); // validates kinds, shapes and parameters, naming the node at fault
  return { graph, warnings: ctx.warnings };
}

/** NIR sums the values on all edges into a node; snn adds them with an `add` node. */
function sumInputs(ctx: ImportContext, id: string, inputs: SnnValue[]): SnnValue | undefined {
  if (inputs.length <= 1) return inputs[0];
  const add = `${id}.sum`;
  ctx.nodes.set(add, { kind: 'add', id: add });
  for (const x of inputs) connect(ctx, x, add);
  return { id: add, shape: inputs[0].shape, perm: inputs[0].perm };
}

function nirTopoOrder(nodes: Map<string, NirNode>, pairs: [string, string][], fileName: string): string[] {
  const indegree = new Map([...nodes.keys()].map((k) => [k, 0]));
  for (const [, c] of pairs) indegree.set(c, (indegree.get(c) ?? 0) + 1);
  const ready = [...nodes.keys()].filter((k) => indegree.get(k) === 0);
  const order: string[] = [];
  while (ready.length > 0) {
    const id = ready.shift() as string;
    order.push(id);
    for (const [a, c] of pairs) {
      if (a !== id) continue;
      indegree.set(c, (indegree.get(c) as number) - 1);
      if (indegree.get(c) === 0) ready.push(c);
    }
  }
  if (order.length !== nodes.size) {
    const stuck = [...nodes.keys()].filter((k) => !order.includes(k));
    throw nirError('NIR_UNMAPPABLE_NODE', stuck[0], `${fileName}: nodes ${stuck.map((s) => `'${s}'`).join(', ')} form a recurrent loop; snn graphs are feed-forward`);
  }
  return order;
}
