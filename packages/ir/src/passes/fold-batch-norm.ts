import type { AffineNode, ConvNode, DenseNode, Edge, Graph, GraphNode, Param } from '../types.js';

type Linear = DenseNode | ConvNode;

/** One affine node {@link foldBatchNorm} removed, and the dense/conv node that now computes it. */
export interface FoldedAffine {
  readonly node: string;
  readonly into: string;
}

/**
 * Fold per-channel `affine` nodes (batch normalization, input scaling) into an adjacent
 * dense or conv node where the result is exact, and return a new graph (the input is not
 * modified):
 *
 * - backwards, into the dense/conv node that feeds it, when that node feeds nothing
 *   else: `W'[..., o] = W[..., o] * s[o]`, `b'[o] = b[o] * s[o] + t[o]`;
 * - otherwise forwards, into the dense/conv node it alone feeds, when the affine feeds
 *   nothing else and a conv has no zero padding (padded zeros are not transformed):
 *   `W'[.., i, o] = W[.., i, o] * s[i]`, `b'[o] = b[o] + Σ t[i] W[.., i, o]`.
 *
 * An affine after a nonlinearity never folds backwards across it. Edges with synapses
 * block folding. Folding repeats until nothing more folds, so chains of affines (input
 * scaling, then batch normalization) fold in graph order whatever was folded before.
 * Each fold is appended to `metadata.foldedBatchNorm` as a {@link FoldedAffine}.
 */
export function foldBatchNorm(graph: Graph): Graph {
  const nodes = new Map<string, GraphNode>(graph.nodes.map((n) => [n.id, n]));
  let edges: Edge[] = [...graph.edges];
  const folded: FoldedAffine[] = [];
  for (let changed = true; changed; ) {
    changed = false;
    for (const node of graph.nodes) {
      if (node.kind !== 'affine' || !nodes.has(node.id)) continue;
      const step = foldOne(node, nodes, edges);
      if (step === undefined) continue;
      edges = step.edges;
      nodes.set(step.into.id, step.into);
      nodes.delete(node.id);
      folded.push({ node: node.id, into: step.into.id });
      changed = true;
    }
  }
  if (folded.length === 0) return graph;
  const result = graph.nodes.filter((n) => nodes.has(n.id)).map((n) => nodes.get(n.id) as GraphNode);
  const before = graph.metadata?.foldedBatchNorm;
  const metadata = { ...(graph.metadata ?? {}), foldedBatchNorm: [...(Array.isArray(before) ? before : []), ...folded] };
  return { nodes: result, edges, metadata };
}

/** Fold `affine` into its neighbour if exact: the merged linear node and the rewired edges. */
function foldOne(affine: AffineNode, nodes: ReadonlyMap<string, GraphNode>, edges: readonly Edge[]): { into: Linear; edges: Edge[] } | undefined {
  const ins = edges.filter((e) => e.target === affine.id);
  const outs = edges.filter((e) => e.source === affine.id);
  if (ins.length !== 1 || ins[0].synapse) return undefined;
  const pred = nodes.get(ins[0].source);
  if (pred && (pred.kind === 'dense' || pred.kind === 'conv') && edges.filter((e) => e.source === pred.id).length === 1) {
    return { into: foldInto(pred, affine), edges: edges.filter((e) => e !== ins[0]).map((e) => (e.source === affine.id ? { ...e, source: pred.id } : e)) };
  }
  if (outs.length !== 1 || outs[0].synapse) return undefined;
  const succ = nodes.get(outs[0].target);
  if (!succ || (succ.kind !== 'dense' && succ.kind !== 'conv') || (succ.kind === 'conv' && !unpadded(succ))) return undefined;
  return { into: foldBefore(succ, affine), edges: edges.filter((e) => e !== outs[0]).map((e) => (e.target === affine.id ? { ...e, target: succ.id } : e)) };
}

function unpadded(conv: ConvNode): boolean {
  const p = conv.padding;
  if (p === 'valid') return true;
  if (p === 'same') {
    // 'same' pads nothing only for 1x1 windows with stride 1.
    const ks = conv.kernel.shape.slice(0, conv.kernel.shape.length - 2);
    return ks.every((k) => k === 1) && conv.strides.every((s) => s === 1);
  }
  return p.every(([a, b]) => a === 0 && b === 0);
}

function paramOf(node: Linear): Param {
  return node.kind === 'dense' ? node.weights : node.kernel;
}

function withParams(node: Linear, w: Param, bias: Param): Linear {
  return node.kind === 'dense' ? { ...node, weights: w, bias } : { ...node, kernel: w, bias };
}

/** `affine(linear(x))` as one linear node: scale output channels, then add. */
function foldInto(linear: Linear, affine: AffineNode): Linear {
  const w = paramOf(linear);
  const cOut = w.shape[w.shape.length - 1];
  const s = affine.scale.data;
  const t = affine.bias.data;
  const data = new Float32Array(w.data.length);
  for (let i = 0; i < data.length; i++) data[i] = w.data[i] * s[i % cOut];
  const b = new Float32Array(cOut);
  for (let o = 0; o < cOut; o++) b[o] = (linear.bias ? linear.bias.data[o] : 0) * s[o] + t[o];
  return withParams(linear, { shape: w.shape, data }, { shape: [cOut], data: b });
}

/** `linear(affine(x))` as one linear node: scale input channels, fold the shift into the bias. */
function foldBefore(linear: Linear, affine: AffineNode): Linear {
  const w = paramOf(linear);
  const rank = w.shape.length;
  const cOut = w.shape[rank - 1];
  const cInPerGroup = w.shape[rank - 2];
  const groups = linear.kind === 'conv' ? (linear.groups ?? 1) : 1;
  const outPerGroup = cOut / groups;
  const s = affine.scale.data;
  const t = affine.bias.data;
  const data = new Float32Array(w.data.length);
  const b = new Float64Array(cOut);
  for (let o = 0; o < cOut; o++) b[o] = linear.bias ? linear.bias.data[o] : 0;
  for (let i = 0; i < w.data.length; i++) {
    const o = i % cOut;
    const channel = Math.floor(i / cOut) % cInPerGroup + Math.floor(o / outPerGroup) * cInPerGroup;
    data[i] = w.data[i] * s[channel];
    b[o] += t[channel] * w.data[i];
  }
  return withParams(linear, { shape: w.shape, data }, { shape: [cOut], data: Float32Array.from(b) });
}
