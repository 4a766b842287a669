import { createNeuronRegistry, type NeuronRegistry } from '@snn/neurons';
import { createSynapseRegistry, type SynapseRegistry } from '@snn/synapses';
import { registerLoihiNeurons } from './neurons/register-loihi-neurons.js';

/** The built-in neuron types plus `LoihiLIF` and `LoihiSpikingRectifiedLinear`, and the built-in synapses. */
export function createLoihiRegistries(): { neurons: NeuronRegistry; synapses: SynapseRegistry } {
  return { neurons: registerLoihiNeurons(createNeuronRegistry()), synapses: createSynapseRegistry() };
}

/**
 * The module URL that simulator worker threads import to get {@link createLoihiRegistries}
 * (`runParallel`'s and `evaluateClassifier`'s `registryModule`), so that networks with Loihi
 * neurons run on several threads.
 */
export const loihiRegistryModule: string = new URL('./registries.js', import.meta.url).href;

/** What simulator workers call in {@link loihiRegistryModule} (their default export name). */
export const createRegistries = createLoihiRegistries;
