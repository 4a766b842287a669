import { orderOf, type StateSpace } from '../state-space.js';
import { checkStepSizes, type LinearKernel } from './linear-kernel.js';

/**
 * Kernel without feedthrough (Nengo's `NoD`): `x[t] = A x[t-1] + B u[t]; y[t] = C x[t]`
 * (the input is advanced one step, so the filter adds no delay of its own). Order 2 (Alpha)
 * is unrolled; higher orders copy each channel's state into a float64 scratch row allocated once per kernel.
 */
export function noDKernel(system: StateSpace): LinearKernel {
  const m = orderOf(system);
  const base = { form: 'noD' as const, order: m, system, initState: (n: number) => new Float32Array(n * m) };
  if (m === 2) return { ...base, step: noD2Step(system) };
  const A = Float64Array.from(system.A.flat());
  const B = Float64Array.from(system.B);
  const C = Float64Array.from(system.C);
  const cur = new Float64Array(m);
  return {
    ...base,
    step(u, y, state) {
      checkStepSizes(u, y, state, m);
      const n = u.length;
      for (let i = 0, off = 0; i < n; i++, off += m) {
        const ui = u[i];
        for (let j = 0; j < m; j++) cur[j] = state[off + j];
        let yi = 0;
        for (let k = 0, row = 0; k < m; k++, row += m) {
          let s = B[k] * ui;
          for (let j = 0; j < m; j++) s += A[row + j] * cur[j];
          state[off + k] = s;
          yi += C[k] * s;
        }
        y[i] = yi;
      }
    },
  };
}

function noD2Step(system: StateSpace): LinearKernel['step'] {
  const [[a00, a01], [a10, a11]] = system.A;
  const [b0, b1] = system.B;
  const [c0, c1] = system.C;
  return (u, y, state) => {
    checkStepSizes(u, y, state, 2);
    const n = u.length;
    for (let i = 0, off = 0; i < n; i++, off += 2) {
      const ui = u[i];
      const x0 = state[off];
      const x1 = state[off + 1];
      const n0 = a00 * x0 + a01 * x1 + b0 * ui;
      const n1 = a10 * x0 + a11 * x1 + b1 * ui;
      state[off] = n0;
      state[off + 1] = n1;
      y[i] = c0 * n0 + c1 * n1;
    }
  };
}
