import type { NeuronRegistry, NeuronType } from '@snn/neurons';
import { LoihiLIF } from './loihi-lif.js';
import { LoihiSpikingRectifiedLinear } from './loihi-spiking-rectified-linear.js';

/** The Loihi neuron types: `LoihiLIF` and `LoihiSpikingRectifiedLinear`. */
export const loihiNeuronTypes: readonly NeuronType[] = [LoihiLIF, LoihiSpikingRectifiedLinear];

/**
 * Register the Loihi neuron types into `registry` through its public `register` (a name already
 * taken throws `NEURON_DUPLICATE` unless `options.override`). Returns the registry.
 */
export function registerLoihiNeurons(registry: NeuronRegistry, options: { override?: boolean } = {}): NeuronRegistry {
  for (const type of loihiNeuronTypes) registry.register(type, options);
  return registry;
}
