import { describe, expect, it } from 'vitest';
import { NeuronRegistry, createNeuronRegistry } from '@snn/neurons';
import { loihiNeuronTypes, registerLoihiNeurons } from './register-loihi-neurons.js';

describe('registerLoihiNeurons', () => {
  it('adds LoihiLIF and LoihiSpikingRectifiedLinear through the public register, beside the built-ins', () => {
    const registry = registerLoihiNeurons(createNeuronRegistry());
    expect(registry.get('LoihiLIF')).toBe(loihiNeuronTypes[0]);
    expect(registry.get('LoihiSpikingRectifiedLinear')).toBe(loihiNeuronTypes[1]);
    expect(registry.has('LIF')).toBe(true);
    expect(registerLoihiNeurons(new NeuronRegistry()).names()).toEqual(['LoihiLIF', 'LoihiSpikingRectifiedLinear']);
  });
  it('a second registration is NEURON_DUPLICATE unless override is asked for', () => {
    const registry = registerLoihiNeurons(new NeuronRegistry());
    expect(() => registerLoihiNeurons(registry)).toThrow(/LoihiLIF.*already registered/);
    expect(() => registerLoihiNeurons(registry, { override: true })).not.toThrow();
  });
});
