import { describe, expect, it } from 'vitest';
import { inferShapes } from '@snn/ir';
import { mlpGraph } from './mlp.js';

describe('the blog-post dense network', () => {
  it('flattens 28x28x1 to 784, has 128 hidden ReLUs and 10 logits', () => {
    const graph = mlpGraph(0);
    const shapes = inferShapes(graph);
    expect(['flatten', 'dense0_neurons', 'out'].map((id) => shapes.get(id))).toEqual([[784], [128], [10]]);
    expect(graph.nodes.flatMap((n) => (n.kind === 'neurons' ? [n.neuronType] : []))).toEqual(['RectifiedLinear']);
  });

  it('draws He-uniform weights from the seed (zero biases): equal seeds give equal networks', () => {
    const dense0 = mlpGraph(5).nodes.find((n) => n.id === 'dense0') as { weights: { data: Float32Array }; bias: { data: Float32Array } };
    const limit = Math.sqrt(6 / 784);
    expect(Math.max(...dense0.weights.data.map(Math.abs))).toBeLessThanOrEqual(limit);
    expect(Math.max(...dense0.weights.data.map(Math.abs))).toBeGreaterThan(0.95 * limit);
    expect(dense0.bias.data.every((b) => b === 0)).toBe(true);
    expect(mlpGraph(5)).toEqual(mlpGraph(5));
    expect(mlpGraph(6)).not.toEqual(mlpGraph(5));
  });
});
