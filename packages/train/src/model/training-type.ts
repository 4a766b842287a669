import type { NeuronsNode } from '@snn/ir';
import { resolveParams, type NeuronParams, type NeuronType } from '@snn/neurons';
import type { NeuronLookup } from '@snn/sim';

/**
 * Parameter overrides for surrogates, by the name of the neuron type being trained:
 * `{ LIF: { sigma: 0.02 } }` trains LIF populations through SoftLIFRate with
 * `sigma = 0.02` (NengoDL's `lif_smoothing`) instead of the type's default smoothing.
 */
export type SurrogateParams = Readonly<Record<string, Readonly<Record<string, number>>>>;

/**
 * The neuron type (and its resolved parameters) a neuron node trains through: the type's
 * `surrogate` when it has one (LIF -> SoftLIFRate, SpikingRectifiedLinear -> RectifiedLinear),
 * with `overrides[type name]` applied on top of the surrogate's parameters; else the type itself
 * (`own: true`: its parameters are the node's, so trained ones can be written back).
 */
export function trainingType(
  node: NeuronsNode,
  neurons: NeuronLookup,
  overrides: SurrogateParams = {},
): { type: NeuronType; params: NeuronParams; own: boolean } {
  const type = neurons.get(node.neuronType, node.id);
  const params = resolveParams(type, node.params ?? {}, node.id);
  if (!type.surrogate) return { type, params, own: true };
  const surrogate = neurons.get(type.surrogate.type, node.id);
  const mapped = { ...type.surrogate.params(params), ...(overrides[type.name] ?? {}) };
  return { type: surrogate, params: resolveParams(surrogate, mapped, node.id), own: false };
}
