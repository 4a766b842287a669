import { describe, expect, it } from 'vitest';
import { applyConversion, GraphBuilder, type NeuronsNode } from '@snn/ir';
import { conversionHooks } from './conversion-hooks.js';
import { createNeuronRegistry } from './registry.js';

describe('conversionHooks', () => {
  it('hasAmplitude follows the parameter schemas: ReLU and LIF types have one, Sigmoid and Tanh do not (spec §5.2)', () => {
    const { hasAmplitude } = conversionHooks(createNeuronRegistry());
    const types = ['RectifiedLinear', 'SpikingRectifiedLinear', 'LIF', 'LIFRate', 'LeakyReLU', 'Sigmoid', 'Tanh', 'MyOwnType'];
    expect(types.map((t) => [t, hasAmplitude?.(t)])).toEqual(types.map((t) => [t, t !== 'Sigmoid' && t !== 'Tanh']));
  });

  it('applyConversion with the hooks scales Tanh in gain only and notes it', () => {
    const b = new GraphBuilder();
    b.output(b.neurons(b.input('x', [2]), { id: 't', neuronType: 'Tanh', params: { tauRef: 1 } }), 'out');
    const { graph, notes } = applyConversion(b.build(), { scaleFiringRates: 3 }, conversionHooks(createNeuronRegistry()));
    const t = graph.nodes.find((n) => n.id === 't') as NeuronsNode;
    expect([t.params, t.gain?.data[0]]).toEqual([{ tauRef: 1 }, 3]);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toContain('(Tanh, node \'t\')');
  });
});
