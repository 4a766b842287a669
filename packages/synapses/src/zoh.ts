/// <reference path="./mathjs-bundle.d.ts" />
import mathjs from 'mathjs/lib/browser/math.js';
import { orderOf, type StateSpace } from './state-space.js';

// mathjs's single-file build: Node loads it in ~0.1 s against ~1.5 s for the ESM entry's
// hundreds of modules, a cost every CLI run and every simulator worker paid on startup. It
// carries all of mathjs (650 kB) into a browser bundle, where the ESM entry's tree shaking
// would keep only expm.
const { expm, matrix } = mathjs;

/**
 * Zero-order-hold discretization of a continuous-time system for time step `dt` (seconds),
 * as `scipy.signal.cont2discrete(..., method='zoh')`: `expm([[A, B], [0, 0]] * dt)` gives
 * `[[A_d, B_d], [0, I]]`; `C` and `D` are unchanged. Float64 throughout.
 */
export function zohDiscretize(ss: StateSpace, dt: number): StateSpace {
  const m = orderOf(ss);
  if (m === 0) return ss;
  const block: number[][] = [];
  for (let r = 0; r <= m; r++) {
    const row = new Array<number>(m + 1).fill(0);
    if (r < m) {
      for (let c = 0; c < m; c++) row[c] = ss.A[r][c] * dt;
      row[m] = ss.B[r] * dt;
    }
    block.push(row);
  }
  const E = expm(matrix(block)).toArray() as number[][];
  const A = E.slice(0, m).map((row) => row.slice(0, m));
  const B = E.slice(0, m).map((row) => row[m]);
  return { A, B, C: [...ss.C], D: ss.D };
}
