import type { Graph, GraphNode, NeuronsNode, Param } from '../types.js';
import { irError } from '../error-codes.js';
import { nodeLabel, preview } from '../describe.js';
import { checkGraphShape, knownIds } from '../graph-index.js';
import { scalar } from '../param.js';
import { mapNodes } from './map-nodes.js';

/**
 * Scale the firing rates of neurons nodes (NengoDL `scale_firing_rates`, spec §5.2): for
 * factor `s`, `gain *= s` (an absent gain, i.e. 1, becomes `s`), `bias *= s` (absent stays
 * absent) and `params.amplitude = (amplitude ?? 1) / s`, so that ReLU-like types compute
 * `(1/s) f(s (W y) + s b)`, the same output from `s` times the firing rate.
 *
 * `scale` is one factor for every neurons node, or a map from neurons node id to factor
 * (nodes missing from the map are unscaled). Unknown ids throw `IR_UNKNOWN_NODE`; ids of
 * non-neurons nodes and factors that are not finite and positive throw `IR_BAD_ARGUMENT`.
 * Types without an amplitude (Sigmoid, Tanh) change their output under scaling; the
 * neuron registry, not this pass, decides whether they accept `amplitude`.
 * Returns a new graph; the input is not modified.
 */
export function scaleFiringRates(graph: Graph, scale: number | Readonly<Record<string, number>>): Graph {
  checkGraphShape(graph);
  const factorOf = typeof scale === 'number' ? globalFactor(scale) : mapFactor(graph, scale);
  return mapNodes(graph, (node) => {
    if (node.kind !== 'neurons') return node;
    const s = factorOf(node);
    return s === undefined || s === 1 ? node : scaleNode(node, s);
  });
}

function checkFactor(s: unknown, what: string, where?: string): number {
  if (typeof s !== 'number' || !Number.isFinite(s) || s <= 0) {
    throw irError('IR_BAD_ARGUMENT', where, `scaleFiringRates: ${what} is ${preview(s)}; scale factors must be finite and positive`);
  }
  return s;
}

function globalFactor(scale: number): (node: NeuronsNode) => number {
  const s = checkFactor(scale, 'the scale');
  return () => s;
}

function mapFactor(graph: Graph, scale: Readonly<Record<string, number>>): (node: NeuronsNode) => number | undefined {
  if (typeof scale !== 'object' || scale === null) checkFactor(scale, 'the scale');
  const byId = new Map<string, GraphNode>(graph.nodes.map((n) => [n.id, n]));
  for (const [id, s] of Object.entries(scale)) {
    const node = byId.get(id);
    if (!node) throw irError('IR_UNKNOWN_NODE', id, `scaleFiringRates: the scale map names '${id}', which is not a node of the graph; ${knownIds(graph)}`);
    if (node.kind !== 'neurons') {
      throw irError('IR_BAD_ARGUMENT', id, `scaleFiringRates: the scale map names ${nodeLabel(node)}; only neurons nodes have firing rates — name the neurons node after it`);
    }
    checkFactor(s, `the factor for '${id}'`, id);
  }
  return (node) => (Object.prototype.hasOwnProperty.call(scale, node.id) ? scale[node.id] : undefined);
}

function times(p: Param, s: number): Param {
  const data = new Float32Array(p.data.length);
  for (let i = 0; i < data.length; i++) data[i] = p.data[i] * s;
  return { shape: [...p.shape], data };
}

function scaleNode(node: NeuronsNode, s: number): NeuronsNode {
  const amplitude = node.params?.amplitude ?? 1;
  const next: NeuronsNode = {
    ...node,
    gain: node.gain ? times(node.gain, s) : scalar(s),
    params: { ...node.params, amplitude: amplitude / s },
  };
  if (node.bias) return { ...next, bias: times(node.bias, s) };
  return next;
}
