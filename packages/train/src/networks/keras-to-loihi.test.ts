import { describe, expect, it } from 'vitest';
import { inferShapes, type ConvNode, type DenseNode } from '@snn/ir';
import { kerasToLoihiGraph } from './keras-to-loihi.js';

describe('the keras-to-loihi network', () => {
  it("has Nengo Loihi's example shapes (spec §5): 28x28x3, 13x13x32, 6x6x64, 2304, 100, 10 logits", () => {
    const shapes = inferShapes(kerasToLoihiGraph(0));
    expect(['to_spikes_neurons', 'conv0_neurons', 'conv1_neurons', 'flatten', 'dense0_neurons', 'out'].map((id) => shapes.get(id))).toEqual([[28, 28, 3], [13, 13, 32], [6, 6, 64], [2304], [100], [10]]);
  });

  it('has no conv biases, zero dense biases, He-uniform weights from the seed, and the given neuron type', () => {
    const graph = kerasToLoihiGraph(5, 'LoihiSpikingRectifiedLinear');
    const convs = graph.nodes.filter((n): n is ConvNode => n.kind === 'conv');
    expect(convs.map((c) => [c.id, c.kernel.shape, c.bias, c.strides ?? [1, 1]])).toEqual([
      ['to_spikes', [1, 1, 1, 3], undefined, [1, 1]],
      ['conv0', [3, 3, 3, 32], undefined, [2, 2]],
      ['conv1', [3, 3, 32, 64], undefined, [2, 2]],
    ]);
    const dense0 = graph.nodes.find((n): n is DenseNode => n.id === 'dense0')!;
    expect(dense0.bias!.data.every((b) => b === 0)).toBe(true);
    // He-uniform: |w| <= sqrt(6 / fanIn), fanIn 2304
    const limit = Math.sqrt(6 / 2304);
    const maxW = dense0.weights.data.reduce((m, w) => Math.max(m, Math.abs(w)), 0);
    expect(maxW).toBeLessThanOrEqual(limit);
    expect(maxW).toBeGreaterThan(0.99 * limit);
    expect(graph.nodes.flatMap((n) => (n.kind === 'neurons' ? [n.neuronType] : []))).toEqual(Array(4).fill('LoihiSpikingRectifiedLinear'));
    expect(kerasToLoihiGraph(5, 'LoihiSpikingRectifiedLinear')).toEqual(graph);
    expect(kerasToLoihiGraph(6)).not.toEqual(kerasToLoihiGraph(5));
  });
});
