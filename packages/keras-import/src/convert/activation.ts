import type { NeuronRegistry } from '@snn/neurons';
import { kerasError, show } from '../errors.js';
import type { NeuronChoice } from './options.js';

/** What a Keras activation becomes: nothing, softmax (output only), or a neuron population. */
export type ActivationTarget =
  | { readonly kind: 'identity' }
  | { readonly kind: 'softmax' }
  | { readonly kind: 'neurons'; readonly neuronType: string; readonly params?: Readonly<Record<string, number>> };

/** NengoDL's `activation_map` (spec §5.1): Keras activation name → neuron type (Converter uses tauRef = 1). */
const KERAS_ACTIVATIONS: Readonly<Record<string, ActivationTarget>> = {
  linear: { kind: 'identity' },
  relu: { kind: 'neurons', neuronType: 'RectifiedLinear' },
  sigmoid: { kind: 'neurons', neuronType: 'Sigmoid', params: { tauRef: 1 } },
  tanh: { kind: 'neurons', neuronType: 'Tanh', params: { tauRef: 1 } },
  softmax: { kind: 'softmax' },
};

/** Keras activation names with a native mapping. */
export const supportedActivations: readonly string[] = Object.keys(KERAS_ACTIVATIONS);

/** The name of an activation as Keras 2 (string), Keras 3 (`{ class_name: 'function', config: 'relu' }`) or TF.js writes it. */
export function activationName(value: unknown): string {
  if (value === undefined || value === null) return 'linear';
  if (typeof value === 'string') return normalize(value);
  if (typeof value === 'object') {
    const obj = value as { class_name?: unknown; config?: unknown };
    if (typeof obj.config === 'string') return normalize(obj.config);
    if (typeof obj.class_name === 'string') return normalize(obj.class_name);
  }
  return show(value);
}

function normalize(name: string): string {
  const plain = name.replace(/^(keras\.activations\.|tf\.nn\.|tf\.keras\.activations\.)/, '');
  return plain.toLowerCase() === 'none' ? 'linear' : plain.toLowerCase();
}

/**
 * Maps activations to neuron types under the `swapActivations` option, remembering
 * which swap keys were used so unused ones can be reported (as NengoDL warns).
 */
export class ActivationMapper {
  private readonly used = new Set<string>();

  constructor(
    private readonly swaps: Readonly<Record<string, string | NeuronChoice>>,
    private readonly neuronTypes: NeuronRegistry,
  ) {}

  /** Map Keras activation `name` of `label` (swaps by Keras name, then by neuron type name). */
  map(name: string, label: string): ActivationTarget {
    let target: ActivationTarget | undefined = KERAS_ACTIVATIONS[name];
    const swap = this.take(name);
    if (swap !== undefined) target = typeof swap === 'string' && KERAS_ACTIVATIONS[swap] ? KERAS_ACTIVATIONS[swap] : this.choice(swap, name);
    if (target === undefined) {
      throw kerasError(
        'KERAS_UNSUPPORTED_OPTION',
        label,
        `${label}: activation '${name}' has no spiking equivalent; supported activations: ${supportedActivations.join(', ')} (softmax only on an output layer). Replace it with swapActivations: { ${name}: 'NeuronTypeName' }, or retrain with relu`,
      );
    }
    return target.kind === 'neurons' ? this.swapNeuron(target) : target;
  }

  /** Apply a neuron-type-keyed swap (e.g. `{ RectifiedLinear: 'SpikingRectifiedLinear' }`) to a neuron target. */
  swapNeuron(target: { readonly neuronType: string; readonly params?: Readonly<Record<string, number>> }): ActivationTarget {
    const swap = this.take(target.neuronType);
    if (swap === undefined) return { kind: 'neurons', ...target };
    return this.choice(swap, target.neuronType);
  }

  /** Swap keys that matched no activation in the model. */
  unused(): string[] {
    return Object.keys(this.swaps).filter((k) => !this.used.has(k));
  }

  private take(key: string): string | NeuronChoice | undefined {
    if (!Object.prototype.hasOwnProperty.call(this.swaps, key)) return undefined;
    this.used.add(key);
    return this.swaps[key];
  }

  private choice(value: string | NeuronChoice, key: string): ActivationTarget {
    const choice = typeof value === 'string' ? { neuronType: value } : value;
    if (typeof choice !== 'object' || choice === null || typeof choice.neuronType !== 'string' || !this.neuronTypes.has(choice.neuronType)) {
      throw kerasError(
        'KERAS_BAD_OPTION',
        `swapActivations.${key}`,
        `swapActivations.${key} is ${show(value)}; give a registered neuron type (${this.neuronTypes.names().join(', ')}), { neuronType, params }, or a Keras activation (${supportedActivations.join(', ')}). Custom types: pass their registry as neuronTypes`,
      );
    }
    return { kind: 'neurons', neuronType: choice.neuronType, ...(choice.params ? { params: { ...choice.params } } : {}) };
  }
}
