import type { AffineNode, Edge, Graph, GraphNode } from '../types.js';
import { irError } from '../error-codes.js';
import { preview } from '../describe.js';
import { indexGraph } from '../graph-index.js';
import { selectNodes } from './select-nodes.js';

/** What {@link scaleInputs} does: the network sees `x * scale + offset` for raw input `x`. */
export interface InputScaling {
  /** Multiplies every input value (default 1), e.g. 1/255 for 0..255 pixels. */
  readonly scale?: number;
  /** Added after scaling (default 0). */
  readonly offset?: number;
  /** Input node ids to scale (default: every input). */
  readonly inputs?: readonly string[];
}

/**
 * Make the network take raw inputs: right after each selected input node, a non-trainable
 * `affine` node `<input>/scaling` (a fresh id if taken) computes `x * scale + offset` on
 * every channel, and everything the input fed is fed by it (edge order and synapses kept;
 * inputs that feed nothing are left alone).
 * `foldBatchNorm` folds it into the first dense/conv layer where that is exact. Scale 1
 * with offset 0 returns the graph unchanged. Non-finite numbers throw `IR_BAD_ARGUMENT`,
 * ids that are not input nodes `IR_UNKNOWN_NODE` / `IR_BAD_ARGUMENT`.
 * Returns a new graph; the input is not modified.
 */
export function scaleInputs(graph: Graph, scaling: InputScaling): Graph {
  const index = indexGraph(graph);
  const scale = finite(scaling.scale, 'scale', 1);
  const offset = finite(scaling.offset, 'offset', 0);
  const inputs =
    scaling.inputs === undefined
      ? graph.nodes.filter((n) => n.kind === 'input')
      : [...selectNodes(graph, scaling.inputs, 'scaleInputs', 'inputs', ['input'], 'only input nodes take raw values').values()];
  if ((scale === 1 && offset === 0) || inputs.length === 0) return graph;
  const ids = new Set(index.position.keys());
  const affineOf = new Map<string, AffineNode>();
  for (const input of inputs) {
    if (input.kind !== 'input' || index.outEdges[index.position.get(input.id) as number].length === 0) continue;
    let id = `${input.id}/scaling`;
    for (let i = 1; ids.has(id); i++) id = `${input.id}/scaling_${i}`;
    ids.add(id);
    const c = input.shape.length > 0 ? input.shape[input.shape.length - 1] : 1;
    const fill = (v: number): { shape: number[]; data: Float32Array } => ({ shape: [c], data: new Float32Array(c).fill(v) });
    affineOf.set(input.id, { id, kind: 'affine', scale: fill(scale), bias: fill(offset), trainable: false });
  }
  const nodes = graph.nodes.flatMap((n): GraphNode[] => (affineOf.has(n.id) ? [n, affineOf.get(n.id) as AffineNode] : [n]));
  const edges: Edge[] = [];
  const wired = new Set<string>();
  for (const e of graph.edges) {
    const affine = affineOf.get(e.source);
    if (affine === undefined) {
      edges.push(e);
      continue;
    }
    if (!wired.has(e.source)) edges.push({ source: e.source, target: affine.id });
    wired.add(e.source);
    edges.push({ ...e, source: affine.id });
  }
  return { ...graph, nodes, edges };
}

function finite(value: unknown, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw irError('IR_BAD_ARGUMENT', name, `scaleInputs: ${name} is ${preview(value)}; give a finite number (e.g. scale 1/255 for 0..255 pixels)`);
  }
  return value;
}
