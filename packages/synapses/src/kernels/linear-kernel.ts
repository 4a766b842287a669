import { SnnError } from '@snn/ir';
import type { StateSpace } from '../state-space.js';
import type { FilterKernel } from '../types.js';

/**
 * Which of Nengo's LinearFilter step forms a kernel runs (`nengo/synapses.py`):
 * `noX` (no state, `y = D u`), `oneX` (`x = a x + b u; y = x`), `noD`
 * (`x[t] = A x[t-1] + B u[t]; y[t] = C x[t]`), `general`
 * (`y[t] = C x[t] + D u[t]; x[t+1] = A x[t] + B u[t]`).
 */
export type FilterForm = 'noX' | 'oneX' | 'noD' | 'general';

/**
 * A {@link FilterKernel} built from a discrete-time linear system. State layout is
 * channel-major: channel `i`'s state variable `k` is `state[i * order + k]` (stateless
 * kernels keep an unused state of length `n`). Coefficients are float64, state float32.
 */
export interface LinearKernel extends FilterKernel {
  /** Step form chosen from the system's shape. */
  readonly form: FilterForm;
  /** The discrete-time system the kernel runs (after discretization), float64. */
  readonly system: StateSpace;
}

/** Error code for `step` called with arrays whose lengths do not match the state. */
export const SYNAPSE_STATE_SIZE = 'SYNAPSE_STATE_SIZE';

/** Checks `step`'s array lengths once per call (not per element). */
export function checkStepSizes(u: Float32Array, y: Float32Array, state: Float32Array, order: number): void {
  const n = u.length;
  if (y.length < n || state.length !== n * Math.max(order, 1))
    throw new SnnError(
      SYNAPSE_STATE_SIZE,
      `synapse step: input has ${n} channels, so output needs >= ${n} and state exactly ` +
        `${n * Math.max(order, 1)} values (order ${order}); got output ${y.length}, state ${state.length}. ` +
        'Create the state with kernel.initState(n).',
    );
}
