import type { ConversionHooks } from '@snn/ir';
import type { NeuronRegistry } from './registry.js';

/**
 * What `applyConversion` in `@snn/ir` needs to know about neuron types, answered by
 * `registry`: whether a type has an `amplitude` parameter (Sigmoid and Tanh do not, so
 * scaling their firing rates changes their output). Types the registry does not know are
 * taken to have one; the simulator reports unknown types when it compiles the graph.
 */
export function conversionHooks(registry: NeuronRegistry): ConversionHooks {
  return { hasAmplitude: (neuronType) => !registry.has(neuronType) || 'amplitude' in registry.get(neuronType).params };
}
