import { SnnError } from '@snn/ir';
import type { NeuronParamSpec, NeuronParams, NeuronType } from './types.js';

/**
 * Resolve the parameters of one population of `type`: every schema key present, defaults
 * filled in, values checked against the schema's `[min, max]` range. Unknown names throw
 * `NEURON_UNKNOWN_PARAM` (listing the valid names); non-numbers, NaN, out-of-range values and
 * fractions given to integer parameters throw `NEURON_BAD_PARAM`. `where` names the node or
 * layer for the error message.
 * Returns a frozen object; resolve once per population, not per step.
 */
export function resolveParams(type: NeuronType, given: Readonly<Record<string, number>> = {}, where?: string): NeuronParams {
  const at = where === undefined ? '' : ` (node "${where}")`;
  const names = Object.keys(type.params);
  for (const key of Object.keys(given)) {
    if (!Object.prototype.hasOwnProperty.call(type.params, key)) {
      throw new SnnError(
        'NEURON_UNKNOWN_PARAM',
        `${type.name} has no parameter "${key}"${at}; valid names: ${names.join(', ') || '(none)'}.`,
        { where },
      );
    }
  }
  const resolved: Record<string, number> = {};
  for (const name of names) {
    const spec = type.params[name];
    const value = Object.prototype.hasOwnProperty.call(given, name) ? given[name] : spec.default;
    checkValue(type.name, name, value, spec, at, where);
    resolved[name] = value;
  }
  return Object.freeze(resolved);
}

function checkValue(typeName: string, name: string, value: unknown, spec: NeuronParamSpec, at: string, where?: string): void {
  const fail = (why: string): never => {
    throw new SnnError('NEURON_BAD_PARAM', `${typeName} parameter ${name} = ${String(value)}${at} ${why}; ${name} is the ${spec.doc}.`, {
      where,
    });
  };
  if (typeof value !== 'number' || Number.isNaN(value)) fail('is not a number');
  const v = value as number;
  if (spec.min !== undefined && v < spec.min) fail(`is out of range: it must be ${describeMin(spec.min)}`);
  if (spec.max !== undefined && v > spec.max) fail(`is out of range: it must be <= ${spec.max}`);
  if (spec.integer && !Number.isInteger(v)) fail('is not a whole number');
}

function describeMin(min: number): string {
  return min === Number.MIN_VALUE ? '> 0' : `>= ${min}`;
}
