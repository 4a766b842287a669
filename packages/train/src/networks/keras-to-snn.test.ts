import { describe, expect, it } from 'vitest';
import { inferShapes } from '@snn/ir';
import { kerasToSnnGraph } from './keras-to-snn.js';

describe('the keras-to-snn network', () => {
  it("has NengoDL's example shapes: 26x26x32, 12x12x64 (stride 2), 9216, 10 logits", () => {
    const shapes = inferShapes(kerasToSnnGraph(0));
    expect(['conv0_neurons', 'conv1_neurons', 'flatten', 'out'].map((id) => shapes.get(id))).toEqual([[26, 26, 32], [12, 12, 64], [9216], [10]]);
  });

  it('holds 3x3x1x32 + 32, 3x3x32x64 + 64 and 9216x10 + 10 parameters, He-uniform from the seed, zero biases', () => {
    const graph = kerasToSnnGraph(3);
    const conv1 = graph.nodes.find((n) => n.id === 'conv1');
    expect(conv1).toMatchObject({ kind: 'conv', kernel: { shape: [3, 3, 32, 64] }, bias: { shape: [64] }, strides: [2, 2] });
    // He-uniform: |w| <= sqrt(6 / fanIn), fanIn = 3 * 3 * 32
    const kernel = (conv1 as { kernel: { data: Float32Array } }).kernel.data;
    const limit = Math.sqrt(6 / 288);
    expect(Math.max(...kernel.map(Math.abs))).toBeLessThanOrEqual(limit);
    expect(Math.max(...kernel.map(Math.abs))).toBeGreaterThan(0.95 * limit);
    expect((conv1 as { bias: { data: Float32Array } }).bias.data.every((b) => b === 0)).toBe(true);
    expect(kerasToSnnGraph(3)).toEqual(graph);
    expect(kerasToSnnGraph(4)).not.toEqual(graph);
  });

  it('uses the given neuron type in both hidden populations', () => {
    const types = kerasToSnnGraph(0, 'LIF').nodes.flatMap((n) => (n.kind === 'neurons' ? [n.neuronType] : []));
    expect(types).toEqual(['LIF', 'LIF']);
  });
});
