import { orderOf, type StateSpace } from '../state-space.js';
import { generalKernel } from './general.js';
import type { LinearKernel } from './linear-kernel.js';
import { noDKernel } from './no-d.js';
import { noXKernel } from './no-x.js';
import { oneXKernel } from './one-x.js';

/**
 * Picks Nengo's step form for a discrete-time system (`LinearFilter.make_step` order:
 * NoX, OneX, NoD, General) and builds the kernel.
 */
export function kernelFromStateSpace(system: StateSpace): LinearKernel {
  const m = orderOf(system);
  if (m === 0) return noXKernel(system);
  if (system.D === 0) return m === 1 ? oneXKernel(system.A[0][0], system.C[0] * system.B[0], system) : noDKernel(system);
  return generalKernel(system);
}
