import { getNode, inferShapes, inputsOf, topoOrder, type Edge, type Graph, type GraphNode, type Shape } from '@snn/ir';
import { nirError } from './error-codes.js';
import type { ExportNirOptions } from './export-options.js';
import { exportLinear } from './export-linear.js';
import { exportNeurons } from './export-neurons.js';
import { writeHdf5 } from './hdf5-io.js';
import { filled, NirBuilder, type NirValue } from './nir-builder.js';
import { nirShape, type Perm } from './layout.js';

/**
 * Write `graph` as a NIR file (HDF5 bytes, the layout of NIR's `nir.write`). Each snn node
 * becomes the NIR node with the same continuous-time meaning (docs/guides/nir.md lists
 * every mapping); a lowpass synapse on an edge becomes an `LI` node on it. Throws an
 * `SnnError` naming the node when a node kind (`NIR_UNMAPPABLE_NODE`) or a parameter value
 * (`NIR_UNMAPPABLE_PARAM`) has no NIR counterpart.
 */
export async function exportNir(graph: Graph, options: ExportNirOptions = {}): Promise<Uint8Array> {
  const shapes = inferShapes(graph);
  const builder = new NirBuilder();
  const values = new Map<string, NirValue>();
  for (const id of topoOrder(graph)) {
    const node = getNode(graph, id);
    const inputs = inputsOf(graph, id).map((e) => throughSynapse(builder, e, values.get(e.source) as NirValue));
    const shape = shapes.get(id) as Shape;
    values.set(id, exportNode(builder, node, inputs, shape, options));
  }
  return writeHdf5(builder.tree());
}

function exportNode(b: NirBuilder, node: GraphNode, inputs: NirValue[], shape: Shape, options: ExportNirOptions): NirValue {
  const connect = (nir: string, perm: Perm | null | 'same' = 'same'): NirValue => {
    for (const x of inputs) b.edge(x.nir, nir);
    return { nir, shape, perm: perm === 'same' ? inputs[0]?.perm : (perm ?? undefined) };
  };
  switch (node.kind) {
    case 'input':
      return connect(b.node(node.id, 'Input', { shape: { kind: 'int64', shape: [shape.length], data: nirShape(shape) } }), null);
    case 'output':
      if (inputs[0].perm !== undefined) {
        throw nirError('NIR_UNMAPPABLE_NODE', node.id, `output '${node.id}' reads a flattened (H, W, C) tensor, whose element order NIR (C, H, W) does not share; add a dense layer before the output`);
      }
      return connect(b.node(node.id, 'Output', { shape: { kind: 'int64', shape: [shape.length], data: nirShape(shape) } }));
    case 'add': {
      if (inputs.some((x) => x.perm !== undefined)) {
        throw nirError('NIR_UNMAPPABLE_NODE', node.id, `add '${node.id}' sums flattened (H, W, C) tensors; NIR's element order differs — add before flattening`);
      }
      // NIR sums all edges into a node: a Scale with every input edge is the (scaled) sum.
      return connect(b.node(node.id, 'Scale', { scale: filled(node.scale ?? 1, nirShape(shape)) }));
    }
    case 'neurons':
      return exportNeurons(b, node, inputs[0], shape, options);
    default:
      return exportLinear(b, node, inputs[0], shape);
  }
}

/** The value an edge delivers: its source's, through an `LI` node when the edge has a lowpass synapse. */
function throughSynapse(b: NirBuilder, edge: Edge, value: NirValue): NirValue {
  const s = edge.synapse;
  if (s === undefined) return value;
  const tau = s.params?.tau;
  if (s.type !== 'lowpass' || tau === undefined) {
    throw nirError(
      'NIR_UNMAPPABLE_NODE',
      `${edge.source}->${edge.target}`,
      `edge '${edge.source}' -> '${edge.target}': synapse '${s.type}' has no NIR node (only lowpass maps, to LI); use a lowpass synapse or none`,
    );
  }
  const shape = nirShape(value.shape);
  const li = b.node(`${edge.source}.lowpass`, 'LI', { tau: filled(tau, shape), r: filled(1, shape), v_leak: filled(0, shape) });
  b.edge(value.nir, li);
  return { ...value, nir: li };
}
