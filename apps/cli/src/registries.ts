import { createLoihiRegistries, loihiRegistryModule } from '@snn/loihi';
import type { NeuronRegistry } from '@snn/neurons';
import type { SynapseRegistry } from '@snn/synapses';

/** The types `snn` knows: the built-in neurons and synapses plus the Loihi neuron types. */
export function cliRegistries(): { neurons: NeuronRegistry; synapses: SynapseRegistry } {
  return createLoihiRegistries();
}

/** The neuron types `snn` knows (see {@link cliRegistries}). */
export function cliNeuronRegistry(): NeuronRegistry {
  return createLoihiRegistries().neurons;
}

/** The module simulator worker threads load the same types from. */
export const CLI_REGISTRY_MODULE: string = loihiRegistryModule;
