import { SnnError } from '@snn/ir';
import { LeakyReLU } from './neurons/leaky-relu.js';
import { LIF } from './neurons/lif.js';
import { LIFRate } from './neurons/lif-rate.js';
import { QCFS } from './neurons/qcfs.js';
import { RectifiedLinear } from './neurons/rectified-linear.js';
import { regularSpiking } from './neurons/regular-spiking.js';
import { Sigmoid } from './neurons/sigmoid.js';
import { SoftLIFRate } from './neurons/soft-lif-rate.js';
import { SpikingLeakyReLU } from './neurons/spiking-leaky-relu.js';
import { SpikingRectifiedLinear } from './neurons/spiking-rectified-linear.js';
import { IntegrateAndFire } from './neurons/integrate-and-fire.js';
import { Tanh } from './neurons/tanh.js';
import type { NeuronType } from './types.js';

/** Neuron types looked up by name. Nothing is registered until someone calls `register` or `registerAll`. */
export class NeuronRegistry {
  private readonly types = new Map<string, NeuronType>();

  /**
   * Add `type` under `type.name`. Throws `NEURON_DUPLICATE` when the name is taken, unless
   * `options.override` is true; throws `NEURON_BAD_TYPE` when `type` lacks a name or methods.
   */
  register(type: NeuronType, options: { override?: boolean } = {}): this {
    checkShape(type);
    if (this.types.has(type.name) && !options.override) {
      throw new SnnError(
        'NEURON_DUPLICATE',
        `Neuron type "${type.name}" is already registered; pick another name or pass { override: true } to replace it.`,
        { where: type.name },
      );
    }
    this.types.set(type.name, type);
    return this;
  }

  /** The type registered as `name`; throws `NEURON_UNKNOWN` (listing the registered names) otherwise. */
  get(name: string, where?: string): NeuronType {
    const type = this.types.get(name);
    if (type === undefined) {
      const at = where === undefined ? '' : ` (node "${where}")`;
      throw new SnnError(
        'NEURON_UNKNOWN',
        `Unknown neuron type "${name}"${at}; registered types: ${this.names().join(', ') || '(none)'}. ` +
          'Register it first with registry.register(type).',
        { where: where ?? name },
      );
    }
    return type;
  }

  /** Whether a type is registered as `name`. */
  has(name: string): boolean {
    return this.types.has(name);
  }

  /** Registered names, in registration order. */
  names(): string[] {
    return [...this.types.keys()];
  }
}

function checkShape(type: NeuronType): void {
  const t = type as Partial<NeuronType> | null;
  const missing = ['initState', 'rates', 'step'].filter((m) => typeof (t as Record<string, unknown> | null)?.[m] !== 'function');
  if (!t || typeof t.name !== 'string' || t.name === '' || typeof t.params !== 'object' || missing.length > 0) {
    throw new SnnError(
      'NEURON_BAD_TYPE',
      `Cannot register neuron type "${String(t?.name)}": it needs a non-empty name, a params schema and ` +
        `initState/rates/step functions${missing.length ? ` (missing: ${missing.join(', ')})` : ''}.`,
      { where: String(t?.name) },
    );
  }
}

/** The built-in rate types that `registerAll` also registers `RegularSpiking(...)` wrappers of. */
const rateTypes: readonly NeuronType[] = [RectifiedLinear, LIFRate, SoftLIFRate, Sigmoid, Tanh, LeakyReLU];

/** Every built-in neuron type, including the `RegularSpiking(<rate type>)` wrappers. */
export const builtinNeuronTypes: readonly NeuronType[] = [
  ...rateTypes,
  SpikingRectifiedLinear,
  IntegrateAndFire,
  LIF,
  SpikingLeakyReLU,
  QCFS,
  ...rateTypes.map(regularSpiking),
];

/** Register every built-in neuron type into `registry` (names already taken throw `NEURON_DUPLICATE`). */
export function registerAll(registry: NeuronRegistry, options: { override?: boolean } = {}): NeuronRegistry {
  for (const type of builtinNeuronTypes) registry.register(type, options);
  return registry;
}

/** A new registry holding the built-in neuron types. */
export function createNeuronRegistry(): NeuronRegistry {
  return registerAll(new NeuronRegistry());
}
