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

/** The Keras activation NengoDL maps to neuron type `neuronType` (`relu` for `RectifiedLinear`), if any. */
export function kerasActivationOf(neuronType: string): string | undefined {
  return Object.entries(KERAS_ACTIVATIONS).find(([, t]) => t.kind === 'neurons' && t.neuronType === neuronType)?.[0];
}

/**
 * What a `swapActivations` value stands for: a Keras activation name (its mapping), a
 * registered neuron type name, or `{ neuronType, params }`. Throws `KERAS_BAD_OPTION`
 * naming `swapActivations.<key>` otherwise.
 */
export function resolveSwap(value: string | NeuronChoice, key: string, neuronTypes: NeuronRegistry, option = 'swapActivations'): ActivationTarget {
  if (typeof value === 'string' && KERAS_ACTIVATIONS[value]) return KERAS_ACTIVATIONS[value];
  const choice = typeof value === 'string' ? { neuronType: value } : value;
  if (typeof choice !== 'object' || choice === null || typeof choice.neuronType !== 'string' || !neuronTypes.has(choice.neuronType)) {
    throw kerasError(
      'KERAS_BAD_OPTION',
      `${option}.${key}`,
      `${option}.${key} is ${show(value)}; give a registered neuron type (${neuronTypes.names().join(', ')}), { neuronType, params }, or a Keras activation (${supportedActivations.join(', ')}). Custom types: pass their registry as neuronTypes`,
    );
  }
  return { kind: 'neurons', neuronType: choice.neuronType, ...(choice.params ? { params: { ...choice.params } } : {}) };
}

/**
 * Maps activations to their targets while layers are converted. Only the swaps the graph
 * cannot express later are applied here: activations with no native mapping (e.g.
 * `{ elu: 'LIF' }`) and swaps to an activation without neurons (`{ relu: 'linear' }`).
 * Every other swap is a neuron type swap applied to the graph after the import
 * (`kerasConversionOptions`), keyed by the type the activation maps to.
 */
export class ActivationMapper {
  private readonly used = new Set<string>();

  constructor(
    private readonly swaps: Readonly<Record<string, string | NeuronChoice>>,
    private readonly neuronTypes: NeuronRegistry,
  ) {}

  /** Map Keras activation `name` of `label`. */
  map(name: string, label: string): ActivationTarget {
    const native: ActivationTarget | undefined = KERAS_ACTIVATIONS[name];
    if (Object.prototype.hasOwnProperty.call(this.swaps, name)) {
      const value = this.swaps[name];
      const toNonNeuron = typeof value === 'string' && KERAS_ACTIVATIONS[value] !== undefined && KERAS_ACTIVATIONS[value].kind !== 'neurons';
      if (native === undefined || toNonNeuron) {
        this.used.add(name);
        return resolveSwap(value, name, this.neuronTypes);
      }
    }
    if (native === undefined) {
      throw kerasError(
        'KERAS_UNSUPPORTED_OPTION',
        label,
        `${label}: activation '${name}' has no spiking equivalent; supported activations: ${supportedActivations.join(', ')} (softmax only on an output layer). Replace it with swapActivations: { ${name}: 'NeuronTypeName' }, or retrain with relu`,
      );
    }
    return native;
  }

  /** Swap keys applied while converting layers (the rest are for the graph). */
  applied(): ReadonlySet<string> {
    return this.used;
  }
}
