import { describe, expect, it } from 'vitest';
import type { ConvNode, DenseNode, Graph, GraphNode } from '../types.js';
import { getNode } from '../graph-access.js';
import { inferShapes } from '../shapes.js';
import { runPure } from '../test-support/pure-pass.js';
import { foldBatchNorm } from './fold-batch-norm.js';

const p = (data: number[], shape: number[]): { shape: number[]; data: Float32Array } => ({ shape, data: Float32Array.from(data) });
const affine = (id: string, scale: number[], bias: number[]): GraphNode => ({ id, kind: 'affine', scale: p(scale, [scale.length]), bias: p(bias, [bias.length]) });
const chain = (nodes: GraphNode[]): Graph => ({ nodes, edges: nodes.slice(1).map((n, i) => ({ source: nodes[i].id, target: n.id })) });
const values = (g: Graph, id: string): { w: number[]; b: number[] } => {
  const n = getNode(g, id) as DenseNode | ConvNode;
  return { w: Array.from(n.kind === 'dense' ? n.weights.data : n.kernel.data), b: Array.from(n.bias?.data ?? []) };
};
const f32 = (xs: number[]): number[] => xs.map(Math.fround);

describe('foldBatchNorm', () => {
  it('folds an affine backwards into the dense before it: W[:, o] * s[o], b[o] * s[o] + t[o]', () => {
    const g = chain([
      { id: 'in', kind: 'input', shape: [2] },
      { id: 'd', kind: 'dense', weights: p([1, 2, 3, 4], [2, 2]), bias: p([1, 1], [2]) },
      affine('bn', [2, 3], [0.5, -1]),
      { id: 'out', kind: 'output' },
    ]);
    const { after } = runPure(g, foldBatchNorm);
    expect(after.nodes.map((n) => n.id)).toEqual(['in', 'd', 'out']);
    expect(after.edges).toEqual([{ source: 'in', target: 'd' }, { source: 'd', target: 'out' }]);
    expect(values(after, 'd')).toEqual({ w: [2, 6, 6, 12], b: [2.5, 2] });
    expect(after.metadata?.foldedBatchNorm).toEqual([{ node: 'bn', into: 'd' }]);
    inferShapes(after);
  });

  it("folds backwards into a 'same' conv (padding does not matter on the output side)", () => {
    const kernel = Array.from({ length: 16 }, (_, i) => Math.cos(i));
    const g = chain([
      { id: 'in', kind: 'input', shape: [3, 3, 2] },
      { id: 'conv', kind: 'conv', kernel: p(kernel, [2, 2, 2, 2]), bias: p([0.5, -0.5], [2]), strides: [1, 1], padding: 'same' },
      affine('bn', [2, -3], [1, 4]),
      { id: 'out', kind: 'output' },
    ]);
    const { after } = runPure(g, foldBatchNorm);
    expect(values(after, 'conv')).toEqual({ w: f32(kernel.map((w, i) => Math.fround(w) * [2, -3][i % 2])), b: [0.5 * 2 + 1, -0.5 * -3 + 4] });
  });

  it('folds forwards into a valid conv after a nonlinearity: W[.., i, o] * s[i], b[o] + Σ t[i] W[.., i, o]', () => {
    // 2x2 kernel, 2 input channels, 1 output: taps of channel 0 are 1, 3, 5, 7 and of channel 1 are 2, 4, 6, 8.
    const g = chain([
      { id: 'in', kind: 'input', shape: [3, 3, 2] },
      { id: 'relu', kind: 'neurons', neuronType: 'RectifiedLinear' },
      affine('bn', [2, 0.5], [1, -1]),
      { id: 'conv', kind: 'conv', kernel: p([1, 2, 3, 4, 5, 6, 7, 8], [2, 2, 2, 1]), bias: p([10], [1]), strides: [1, 1], padding: 'valid' },
      { id: 'out', kind: 'output' },
    ]);
    const { after } = runPure(g, foldBatchNorm);
    expect(after.nodes.map((n) => n.id)).toEqual(['in', 'relu', 'conv', 'out']);
    expect(values(after, 'conv')).toEqual({ w: [2, 1, 6, 2, 10, 3, 14, 4], b: [10 + (1 + 3 + 5 + 7) - (2 + 4 + 6 + 8)] });
  });

  it('folds forwards into a grouped conv, each output reading its own group of channels', () => {
    // groups 2: input channel 0 feeds output 0 (weight 3), channel 1 feeds output 1 (weight 5).
    const g = chain([
      { id: 'in', kind: 'input', shape: [2, 2, 2] },
      affine('bn', [2, -1], [1, 4]),
      { id: 'conv', kind: 'conv', kernel: p([3, 5], [1, 1, 1, 2]), strides: [1, 1], padding: 'valid', groups: 2 },
      { id: 'out', kind: 'output' },
    ]);
    expect(values(runPure(g, foldBatchNorm).after, 'conv')).toEqual({ w: [6, -5], b: [3, 20] });
  });

  it('repeats until nothing folds: two affines in a row both fold into the dense after them, in graph order', () => {
    const g = chain([
      { id: 'in', kind: 'input', shape: [1] },
      affine('a1', [2], [1]),
      affine('a2', [3], [0.5]),
      { id: 'd', kind: 'dense', weights: p([4], [1, 1]) },
      { id: 'out', kind: 'output' },
    ]);
    const { after } = runPure(g, foldBatchNorm);
    // d(a2(a1(x))) = 4 (3 (2x + 1) + 0.5) = 24x + 14
    expect(values(after, 'd')).toEqual({ w: [24], b: [14] });
    expect(after.metadata?.foldedBatchNorm).toEqual([{ node: 'a2', into: 'd' }, { node: 'a1', into: 'd' }]);
  });

  it('keeps the affine where folding would be inexact or ambiguous (padded conv after it, shared producer, synapse)', () => {
    const padded = chain([
      { id: 'in', kind: 'input', shape: [3, 3, 2] },
      { id: 'relu', kind: 'neurons', neuronType: 'RectifiedLinear' },
      affine('bn', [2, -3], [1, 4]),
      { id: 'conv', kind: 'conv', kernel: p(new Array<number>(16).fill(1), [2, 2, 2, 2]), strides: [1, 1], padding: 'same' },
      { id: 'out', kind: 'output' },
    ]);
    expect(foldBatchNorm(padded)).toBe(padded);
    const shared: Graph = {
      nodes: [{ id: 'in', kind: 'input', shape: [2] }, { id: 'd', kind: 'dense', weights: p([1, 2, 3, 4], [2, 2]) }, affine('bn', [2, 2], [0, 0]), { id: 'o1', kind: 'output' }, { id: 'o2', kind: 'output' }],
      edges: [{ source: 'in', target: 'd' }, { source: 'd', target: 'bn' }, { source: 'd', target: 'o1' }, { source: 'bn', target: 'o2' }],
    };
    expect(foldBatchNorm(shared)).toBe(shared);
    const filtered = chain([{ id: 'in', kind: 'input', shape: [2] }, { id: 'd', kind: 'dense', weights: p([1, 2, 3, 4], [2, 2]) }, affine('bn', [2, 2], [0, 0]), { id: 'out', kind: 'output' }]);
    const withSynapse = { ...filtered, edges: filtered.edges.map((e) => (e.target === 'bn' ? { ...e, synapse: { type: 'lowpass', params: { tau: 0.005 } } } : e)) };
    expect(foldBatchNorm(withSynapse)).toBe(withSynapse);
  });
});
