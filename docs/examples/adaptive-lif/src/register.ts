import type { LayerConverterRegistry } from '@snn/keras-import';
import type { NeuronRegistry } from '@snn/neurons';
import type { SynapseRegistry } from '@snn/synapses';
import { AdaptiveLIF } from './adaptive-lif.js';
import { doubleExponential } from './double-exponential.js';
import { convertSquaredReLU } from './squared-relu-converter.js';
import { SquaredReLU } from './squared-relu.js';

/** The registries a plugin adds to: the shape `snn --plugin MODULE` passes to `register`. */
export interface PluginRegistries {
  readonly neurons: NeuronRegistry;
  readonly synapses: SynapseRegistry;
  readonly converters: LayerConverterRegistry;
}

/**
 * Add this example's types to `registries`: the neuron types `AdaptiveLIF` and `SquaredReLU`,
 * the synapse `doubleExponential` and the converter for Keras class `SquaredReLU`. A name
 * that is already registered is an error (the registries' rule).
 */
export function register(registries: PluginRegistries): void {
  registries.neurons.register(AdaptiveLIF).register(SquaredReLU);
  registries.synapses.register(doubleExponential);
  registries.converters.register('SquaredReLU', convertSquaredReLU);
}
