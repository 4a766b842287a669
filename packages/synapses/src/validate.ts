import { SnnError, type SynapseSpec } from '@snn/ir';
import type { SynapseParamSpec } from './types.js';

/** Error code for a missing, non-finite or out-of-range synapse parameter or time step. */
export const SYNAPSE_INVALID_PARAM = 'SYNAPSE_INVALID_PARAM';

function fail(typeName: string, field: string, message: string): never {
  throw new SnnError(SYNAPSE_INVALID_PARAM, `${typeName} synapse, ${field}: ${message}`, { where: field });
}

/** Checks the simulation time step (seconds): finite and > 0. */
export function checkDt(dt: number, typeName: string): void {
  if (typeof dt !== 'number' || !Number.isFinite(dt) || dt <= 0)
    fail(typeName, 'dt', `time step must be a finite number of seconds > 0 (e.g. 0.001), got ${String(dt)}`);
}

/** Rejects parameter and array names the type does not know (catches typos such as `tua`). */
export function checkKnownFields(
  spec: SynapseSpec,
  params: Readonly<Record<string, SynapseParamSpec>>,
  arrays: readonly string[],
): void {
  for (const key of Object.keys(spec.params ?? {}))
    if (!(key in params))
      fail(spec.type, `params.${key}`, `unknown parameter; ${spec.type} takes ${describe(Object.keys(params), 'params')}`);
  for (const key of Object.keys(spec.arrays ?? {}))
    if (!arrays.includes(key))
      fail(spec.type, `arrays.${key}`, `unknown array; ${spec.type} takes ${describe(arrays, 'arrays')}`);
}

function describe(names: readonly string[], kind: string): string {
  return names.length === 0 ? `no ${kind}` : names.map((n) => `${kind}.${n}`).join(', ');
}

/** Reads a time constant (seconds): required, finite and > 0. */
export function readTau(spec: SynapseSpec): number {
  const tau = spec.params?.tau;
  if (tau === undefined)
    fail(spec.type, 'params.tau', `missing; give the time constant in seconds, e.g. { type: '${spec.type}', params: { tau: 0.005 } }`);
  if (typeof tau !== 'number' || !Number.isFinite(tau) || tau <= 0)
    fail(spec.type, 'params.tau', `time constant must be a finite number of seconds > 0, got ${String(tau)}; for no filtering use no synapse (or type 'none')`);
  return tau;
}

/** Reads an optional 0/1 flag, falling back to `fallback`. */
export function readFlag(spec: SynapseSpec, name: string, fallback: boolean): boolean {
  const v = spec.params?.[name];
  if (v === undefined) return fallback;
  if (v !== 0 && v !== 1) fail(spec.type, `params.${name}`, `flag must be 0 or 1, got ${String(v)}`);
  return v === 1;
}

/** Reads a required, non-empty array of finite numbers. */
export function readCoefficients(spec: SynapseSpec, name: string): number[] {
  const arr = spec.arrays?.[name];
  if (arr === undefined)
    fail(spec.type, `arrays.${name}`, `missing; give polynomial coefficients, highest power first, e.g. { num: [1], den: [0.01, 1] }`);
  if (!Array.isArray(arr) && !ArrayBuffer.isView(arr))
    fail(spec.type, `arrays.${name}`, `must be an array of numbers, got ${typeof arr}`);
  const out = Array.from(arr as ArrayLike<number>);
  if (out.length === 0) fail(spec.type, `arrays.${name}`, 'must hold at least one coefficient');
  out.forEach((v, i) => {
    if (typeof v !== 'number' || !Number.isFinite(v))
      fail(spec.type, `arrays.${name}[${i}]`, `coefficient must be a finite number, got ${String(v)}`);
  });
  return out;
}
