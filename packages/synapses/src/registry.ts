import { SnnError } from '@snn/ir';
import { alpha } from './alpha.js';
import { linearFilter } from './linear-filter.js';
import { lowpass } from './lowpass.js';
import { none } from './none.js';
import type { SynapseType } from './types.js';

/** Error code: a synapse type name that is not registered. */
export const SYNAPSE_UNKNOWN = 'SYNAPSE_UNKNOWN';
/** Error code: a synapse type name registered twice without `{ override: true }`. */
export const SYNAPSE_DUPLICATE = 'SYNAPSE_DUPLICATE';
/** Error code: an object passed to `register` that is not a synapse type. */
export const SYNAPSE_INVALID_TYPE = 'SYNAPSE_INVALID_TYPE';

/** Synapse types by name. Starts empty; fill it with {@link registerAll} and your own types. */
export class SynapseRegistry {
  readonly #types = new Map<string, SynapseType>();

  /** Adds `type` under `type.name`; a name already taken is an error unless `override`. */
  register(type: SynapseType, options: { override?: boolean } = {}): this {
    if (typeof type?.name !== 'string' || type.name === '' || typeof type.discretize !== 'function')
      throw new SnnError(
        SYNAPSE_INVALID_TYPE,
        'SynapseRegistry.register: expected { name: non-empty string, params, discretize(spec, dt) }, ' +
          `got ${type === null ? 'null' : typeof type === 'object' ? `an object with name ${JSON.stringify(type.name)}` : typeof type}`,
      );
    if (this.#types.has(type.name) && options.override !== true)
      throw new SnnError(
        SYNAPSE_DUPLICATE,
        `synapse type '${type.name}' is already registered; pass { override: true } to replace it`,
        { where: type.name },
      );
    this.#types.set(type.name, type);
    return this;
  }

  /** The type called `name`; unknown names throw `SYNAPSE_UNKNOWN` listing the known ones. */
  get(name: string, where?: string): SynapseType {
    const type = this.#types.get(name);
    if (type === undefined) {
      const known = this.names();
      throw new SnnError(
        SYNAPSE_UNKNOWN,
        `${where === undefined ? '' : `${where}: `}unknown synapse type '${name}'; registered: ` +
          `${known.length === 0 ? '(none; call registerAll(registry) first)' : known.join(', ')}`,
        { where: where ?? name },
      );
    }
    return type;
  }

  /** Whether a type called `name` is registered. */
  has(name: string): boolean {
    return this.#types.has(name);
  }

  /** Registered names, sorted. */
  names(): string[] {
    return [...this.#types.keys()].sort();
  }
}

/** The built-in synapse types: `lowpass`, `alpha`, `linearFilter`, `none`. */
export const builtinSynapseTypes: readonly SynapseType[] = [lowpass, alpha, linearFilter, none];

/** Registers the built-in synapse types into `registry` (an error if any name is taken). */
export function registerAll(registry: SynapseRegistry, options: { override?: boolean } = {}): SynapseRegistry {
  for (const type of builtinSynapseTypes) registry.register(type, options);
  return registry;
}

/** A new registry holding the built-in synapse types. */
export function createSynapseRegistry(): SynapseRegistry {
  return registerAll(new SynapseRegistry());
}
