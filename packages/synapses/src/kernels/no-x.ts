import type { StateSpace } from '../state-space.js';
import { checkStepSizes, type LinearKernel } from './linear-kernel.js';

/**
 * Stateless kernel (Nengo's `NoX`): `y = D u`. With `D = 1` it is the identity (a copy,
 * or nothing when `y` aliases `u`). Its state (length `n`) is unused.
 */
export function noXKernel(system: StateSpace): LinearKernel {
  const d = system.D;
  return {
    form: 'noX',
    order: 0,
    system,
    initState: (n) => new Float32Array(n),
    step(u, y, state) {
      checkStepSizes(u, y, state, 0);
      if (d === 1) {
        if (y !== u) y.set(u);
        return;
      }
      const n = u.length;
      for (let i = 0; i < n; i++) y[i] = d * u[i];
    },
  };
}
