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
 * neurons run on several threads. Loaded from TypeScript source (the `source` export
 * condition of tests), it names the built module, which worker threads can import.
 */
export const loihiRegistryModule: string = new URL(import.meta.url.endsWith('.ts') ? '../dist/registries.js' : './registries.js', import.meta.url).href;

/** What simulator workers call in {@link loihiRegistryModule} (their default export name). */
export const createRegistries = createLoihiRegistries;
