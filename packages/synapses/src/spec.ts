import { SnnError, type SynapseSpec } from '@snn/ir';
import type { SynapseRegistry } from './registry.js';
import type { FilterKernel } from './types.js';
import { SYNAPSE_INVALID_PARAM, checkDt } from './validate.js';

/** `{ type: 'lowpass', params: { tau } }`: Lowpass with time constant `tau` seconds. */
export function lowpassSpec(tau: number): SynapseSpec {
  return { type: 'lowpass', params: { tau } };
}

/** `{ type: 'alpha', params: { tau } }`: Alpha with time constant `tau` seconds. */
export function alphaSpec(tau: number): SynapseSpec {
  return { type: 'alpha', params: { tau } };
}

/**
 * `{ type: 'linearFilter', arrays: { num, den } }`: transfer function `num/den`, coefficients
 * highest power first; `analog: false` marks z-domain (already discrete) coefficients.
 */
export function linearFilterSpec(
  num: readonly number[],
  den: readonly number[],
  options: { analog?: boolean } = {},
): SynapseSpec {
  const spec = { type: 'linearFilter', arrays: { num: [...num], den: [...den] } };
  return options.analog === false ? { ...spec, params: { analog: 0 } } : spec;
}

/**
 * Nengo's `SynapseParam.coerce`: a number means `Lowpass(number)` (seconds, > 0), `null` /
 * `undefined` mean no synapse, a spec passes through (its `type` must be a string).
 */
export function coerceSynapse(x: number | SynapseSpec | null | undefined, where?: string): SynapseSpec | undefined {
  const at = where === undefined ? 'synapse' : `${where}: synapse`;
  if (x === null || x === undefined) return undefined;
  if (typeof x === 'number') {
    if (!Number.isFinite(x) || x <= 0)
      throw new SnnError(
        SYNAPSE_INVALID_PARAM,
        `${at}: a number means Lowpass(tau) and tau must be finite seconds > 0, got ${x}; use null for no synapse`,
        { where: where ?? 'tau' },
      );
    return lowpassSpec(x);
  }
  if (typeof x !== 'object' || typeof x.type !== 'string' || x.type === '')
    throw new SnnError(
      SYNAPSE_INVALID_PARAM,
      `${at}: expected a number (Lowpass tau, seconds), null, or a spec like { type: 'lowpass', params: { tau: 0.005 } }, got ${JSON.stringify(x)}`,
      { where: where ?? 'type' },
    );
  return x;
}

/**
 * Discretizes `spec` for time step `dt` (seconds) with the type registered under
 * `spec.type`. Errors carry `where` (e.g. the edge `conv1->lif1`) in front of the field.
 */
export function discretize(registry: SynapseRegistry, spec: SynapseSpec, dt: number, where?: string): FilterKernel {
  const type = registry.get(spec.type, where);
  try {
    checkDt(dt, spec.type);
    return type.discretize(spec, dt);
  } catch (e) {
    if (where === undefined || !(e instanceof SnnError)) throw e;
    const field = e.where === undefined ? where : `${where} ${e.where}`;
    throw new SnnError(e.code, `${where}: ${e.message}`, { where: field, cause: e });
  }
}
