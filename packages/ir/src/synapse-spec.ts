import type { SynapseSpec } from './types.js';
import { irError } from './error-codes.js';
import { preview } from './describe.js';

const keys = new Set(['type', 'params', 'arrays']);

/**
 * Check a synapse spec `{ type, params?, arrays? }` (strict: no other keys) and return a
 * fresh copy that later changes to `value` cannot reach. `where` names the edge, e.g.
 * `edge 'relu0' -> 'conv1'`.
 */
export function validateSynapse(value: unknown, where: string): SynapseSpec {
  const fail = (msg: string, code: 'IR_BAD_SYNAPSE' | 'IR_NOT_FINITE' = 'IR_BAD_SYNAPSE'): never => {
    throw irError(code, where, `${where}: synapse ${msg}; a synapse looks like { type: 'lowpass', params: { tau: 0.005 } }`);
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail(`must be an object; got ${preview(value)}`);
  const s = value as Record<string, unknown>;
  for (const k of Object.keys(s)) if (!keys.has(k)) fail(`has unknown field '${k}' (allowed: type, params, arrays)`);
  if (typeof s.type !== 'string' || s.type.length === 0) fail(`field 'type' must be a non-empty string; got ${preview(s.type)}`);
  const out: { type: string; params?: Record<string, number>; arrays?: Record<string, number[]> } = { type: s.type as string };
  if (s.params !== undefined) {
    if (typeof s.params !== 'object' || s.params === null || Array.isArray(s.params)) fail(`field 'params' must be an object of numbers; got ${preview(s.params)}`);
    const params: Record<string, number> = {};
    for (const [k, v] of Object.entries(s.params as object)) {
      if (typeof v === 'number' && Number.isFinite(v)) params[k] = v;
      else if (v === null || typeof v === 'number') fail(`param '${k}' is ${preview(v)} but must be finite`, 'IR_NOT_FINITE');
      else fail(`param '${k}' must be a number; got ${preview(v)}`);
    }
    out.params = params;
  }
  if (s.arrays !== undefined) {
    if (typeof s.arrays !== 'object' || s.arrays === null || Array.isArray(s.arrays)) fail(`field 'arrays' must be an object of number arrays; got ${preview(s.arrays)}`);
    const arrays: Record<string, number[]> = {};
    for (const [k, v] of Object.entries(s.arrays as object)) {
      if (!Array.isArray(v) || !v.every((x) => typeof x === 'number')) fail(`array '${k}' must be an array of numbers; got ${preview(v)}`);
      if (!(v as number[]).every(Number.isFinite)) fail(`array '${k}' holds a value that is not finite`, 'IR_NOT_FINITE');
      arrays[k] = [...(v as number[])];
    }
    out.arrays = arrays;
  }
  return out;
}
