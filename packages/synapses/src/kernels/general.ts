import { orderOf, type StateSpace } from '../state-space.js';
import { checkStepSizes, type LinearKernel } from './linear-kernel.js';

/**
 * Kernel with feedthrough (Nengo's `General`): `y[t] = C x[t] + D u[t];
 * x[t+1] = A x[t] + B u[t]`. Order 1 (lead/lag filters) is unrolled; higher orders copy each
 * channel's state into a float64 scratch row allocated once per kernel.
 */
export function generalKernel(system: StateSpace): LinearKernel {
  const m = orderOf(system);
  const base = { form: 'general' as const, order: m, system, initState: (n: number) => new Float32Array(n * m) };
  if (m === 1) return { ...base, step: general1Step(system) };
  const A = Float64Array.from(system.A.flat());
  const B = Float64Array.from(system.B);
  const C = Float64Array.from(system.C);
  const D = system.D;
  const cur = new Float64Array(m);
  return {
    ...base,
    step(u, y, state) {
      checkStepSizes(u, y, state, m);
      const n = u.length;
      for (let i = 0, off = 0; i < n; i++, off += m) {
        const ui = u[i];
        let yi = D * ui;
        for (let j = 0; j < m; j++) {
          const xj = state[off + j];
          cur[j] = xj;
          yi += C[j] * xj;
        }
        for (let k = 0, row = 0; k < m; k++, row += m) {
          let s = B[k] * ui;
          for (let j = 0; j < m; j++) s += A[row + j] * cur[j];
          state[off + k] = s;
        }
        y[i] = yi;
      }
    },
  };
}

function general1Step(system: StateSpace): LinearKernel['step'] {
  const a = system.A[0][0];
  const b = system.B[0];
  const c = system.C[0];
  const d = system.D;
  return (u, y, state) => {
    checkStepSizes(u, y, state, 1);
    const n = u.length;
    for (let i = 0; i < n; i++) {
      const ui = u[i];
      const x = state[i];
      y[i] = c * x + d * ui;
      state[i] = a * x + b * ui;
    }
  };
}
