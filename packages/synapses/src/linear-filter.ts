import type { SynapseSpec } from '@snn/ir';
import { kernelFromStateSpace } from './kernels/from-state-space.js';
import type { LinearKernel } from './kernels/linear-kernel.js';
import { tf2ss, type StateSpace } from './state-space.js';
import type { SynapseType } from './types.js';
import { checkDt, checkKnownFields, readCoefficients, readFlag } from './validate.js';
import { zohDiscretize } from './zoh.js';

const params = {
  analog: {
    default: 1,
    min: 0,
    doc: '1 (default): num/den are analog s-domain coefficients, discretized by zero-order hold; 0: they are already discrete z-domain coefficients',
  },
} as const;

/**
 * The discrete-time system a `linearFilter` spec runs at time step `dt` (seconds):
 * `tf2ss(num, den)`, then zero-order hold unless `params.analog` is 0. Float64.
 */
export function linearFilterSystem(spec: SynapseSpec, dt: number): StateSpace {
  checkDt(dt, spec.type);
  checkKnownFields(spec, params, ['num', 'den']);
  const num = readCoefficients(spec, 'num');
  const den = readCoefficients(spec, 'den');
  const analog = readFlag(spec, 'analog', true);
  const system = tf2ss(num, den, spec.type);
  return analog ? zohDiscretize(system, dt) : system;
}

/**
 * `linearFilter`: any proper transfer function `num(s)/den(s)` (Nengo's `LinearFilter`,
 * ZOH). `arrays.num` / `arrays.den` hold coefficients highest power first (as scipy), e.g.
 * `{ num: [1], den: [0.01, 1] }` is Lowpass(0.01). Runs the NoX / OneX / NoD / General form.
 */
export const linearFilter: SynapseType = {
  name: 'linearFilter',
  params,
  discretize(spec, dt): LinearKernel {
    return kernelFromStateSpace(linearFilterSystem(spec, dt));
  },
};
