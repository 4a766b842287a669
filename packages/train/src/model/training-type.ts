import type { NeuronsNode } from '@snn/ir';
import { resolveParams, type NeuronParams, type NeuronType } from '@snn/neurons';
import type { NeuronLookup } from '@snn/sim';

/**
 * The neuron type (and its resolved parameters) a neuron node trains through: the type's
 * `surrogate` when it has one (LIF -> SoftLIFRate, SpikingRectifiedLinear -> RectifiedLinear),
 * else the type itself.
 */
export function trainingType(node: NeuronsNode, neurons: NeuronLookup): { type: NeuronType; params: NeuronParams } {
  const type = neurons.get(node.neuronType, node.id);
  const params = resolveParams(type, node.params ?? {}, node.id);
  if (!type.surrogate) return { type, params };
  const surrogate = neurons.get(type.surrogate.type, node.id);
  return { type: surrogate, params: resolveParams(surrogate, type.surrogate.params(params), node.id) };
}
