import type { Graph, GraphNode } from '@snn/ir';
import { describe, expect, it } from 'vitest';
import { compileReference } from '../testing/reference-forward.js';
import { foldBatchNorm } from './fold-batch-norm.js';

const p = (data: number[], shape: number[]): { shape: number[]; data: Float32Array } => ({ shape, data: Float32Array.from(data) });
const affine = (id: string, scale: number[], bias: number[]): GraphNode => ({ id, kind: 'affine', scale: p(scale, [scale.length]), bias: p(bias, [bias.length]) });
const chain = (nodes: GraphNode[]): Graph => ({ nodes, edges: nodes.slice(1).map((n, i) => ({ source: nodes[i].id, target: n.id })) });
const run = (g: Graph, x: number[]): number[] => {
  const m = compileReference(g);
  return Array.from(m.run({ in: x })[m.outputs[0].id]);
};

// Input (3, 3, 2); conv 2x2 -> 2 channels; groups 2 for the forward case.
const x = Array.from({ length: 18 }, (_, i) => Math.sin(i + 1));
const kernel = p(Array.from({ length: 16 }, (_, i) => Math.cos(i)), [2, 2, 2, 2]);
const grouped = p(Array.from({ length: 8 }, (_, i) => Math.cos(3 * i)), [2, 2, 1, 2]);

describe('foldBatchNorm', () => {
  it('folds an affine into the conv before it (exact) without touching the input graph', () => {
    const g = chain([
      { id: 'in', kind: 'input', shape: [3, 3, 2] },
      { id: 'conv', kind: 'conv', kernel, bias: p([0.5, -0.5], [2]), strides: [1, 1], padding: 'same' },
      affine('bn', [2, -3], [1, 4]),
      { id: 'out', kind: 'output' },
    ]);
    const before = JSON.stringify(g, (_, v) => (v instanceof Float32Array ? Array.from(v) : v));
    const f = foldBatchNorm(g);
    expect(f.nodes.map((n) => n.id)).toEqual(['in', 'conv', 'out']);
    expect(f.edges).toEqual([{ source: 'in', target: 'conv' }, { source: 'conv', target: 'out' }]);
    expect(f.metadata?.foldedBatchNorm).toEqual(['bn']);
    run(g, x).forEach((v, i) => expect(run(f, x)[i]).toBeCloseTo(v, 5));
    expect(JSON.stringify(g, (_, v) => (v instanceof Float32Array ? Array.from(v) : v))).toBe(before);
  });

  it('folds forwards into a grouped valid conv when the affine follows a nonlinearity', () => {
    const g = chain([
      { id: 'in', kind: 'input', shape: [3, 3, 2] },
      { id: 'relu', kind: 'neurons', neuronType: 'RectifiedLinear' },
      affine('bn', [2, -3], [1, 4]),
      { id: 'conv', kind: 'conv', kernel: grouped, strides: [1, 1], padding: 'valid', groups: 2 },
      { id: 'out', kind: 'output' },
    ]);
    const f = foldBatchNorm(g);
    expect(f.nodes.map((n) => n.id)).toEqual(['in', 'relu', 'conv', 'out']);
    run(g, x).forEach((v, i) => expect(run(f, x)[i]).toBeCloseTo(v, 5));
  });

  it('keeps the affine where folding would be inexact or ambiguous', () => {
    const padded = chain([
      { id: 'in', kind: 'input', shape: [3, 3, 2] },
      { id: 'relu', kind: 'neurons', neuronType: 'RectifiedLinear' },
      affine('bn', [2, -3], [1, 4]),
      { id: 'conv', kind: 'conv', kernel, strides: [1, 1], padding: 'same' },
      { id: 'out', kind: 'output' },
    ]);
    expect(foldBatchNorm(padded)).toBe(padded);
    const shared: Graph = {
      nodes: [{ id: 'in', kind: 'input', shape: [2] }, { id: 'd', kind: 'dense', weights: p([1, 2, 3, 4], [2, 2]) }, affine('bn', [2, 2], [0, 0]), { id: 'o1', kind: 'output' }, { id: 'o2', kind: 'output' }],
      edges: [{ source: 'in', target: 'd' }, { source: 'd', target: 'bn' }, { source: 'd', target: 'o1' }, { source: 'bn', target: 'o2' }],
    };
    expect(foldBatchNorm(shared)).toBe(shared);
  });
});
