import { SnnError } from '@snn/ir';
import { SYNAPSE_INVALID_PARAM } from './validate.js';

/** Error code for a transfer function whose numerator degree exceeds its denominator's. */
export const SYNAPSE_IMPROPER = 'SYNAPSE_IMPROPER';

/**
 * Single-input single-output state-space system `x' = A x + B u; y = C x + D u`
 * (or its discrete-time counterpart), float64. `A` is `order x order`, row-major rows.
 */
export interface StateSpace {
  readonly A: readonly (readonly number[])[];
  readonly B: readonly number[];
  readonly C: readonly number[];
  readonly D: number;
}

/** Number of state variables of `ss`. */
export function orderOf(ss: StateSpace): number {
  return ss.B.length;
}

// scipy.signal.normalize treats numerator columns within 1e-14 of zero as leading zeros.
const LEADING_ZERO_ATOL = 1e-14;

/**
 * Transfer function `num(s)/den(s)` (coefficients highest power first, as scipy) to state
 * space in controllable canonical form, as `scipy.signal.tf2ss` (via `normalize`): both
 * polynomials are divided by `den[0]`, near-zero leading numerator terms are dropped, and a
 * constant denominator gives a stateless system `y = D u` (as Nengo's `tf2ss`).
 * `typeName` only labels errors.
 */
export function tf2ss(num: readonly number[], den: readonly number[], typeName = 'linearFilter'): StateSpace {
  if (den.length === 0 || den[0] === 0)
    throw new SnnError(
      SYNAPSE_INVALID_PARAM,
      `${typeName} synapse, arrays.den[0]: leading denominator coefficient must be nonzero (drop leading zeros), got [${den.join(', ')}]`,
      { where: 'arrays.den' },
    );
  if (num.length === 0)
    throw new SnnError(SYNAPSE_INVALID_PARAM, `${typeName} synapse, arrays.num: must hold at least one coefficient`, {
      where: 'arrays.num',
    });
  const d0 = den[0];
  const d = den.map((v) => v / d0);
  let n = num.map((v) => v / d0);
  let lead = 0;
  while (lead < n.length - 1 && Math.abs(n[lead]) <= LEADING_ZERO_ATOL) lead++;
  n = n.slice(lead);
  const K = d.length;
  if (n.length > K)
    throw new SnnError(
      SYNAPSE_IMPROPER,
      `${typeName} synapse, arrays.num: improper transfer function, numerator degree ${n.length - 1} exceeds ` +
        `denominator degree ${K - 1}; only proper filters (deg num <= deg den) can be simulated`,
      { where: 'arrays.num' },
    );
  const padded = [...new Array<number>(K - n.length).fill(0), ...n];
  const D = padded[0];
  const m = K - 1;
  if (m === 0) return { A: [], B: [], C: [], D };
  const A: number[][] = [];
  for (let r = 0; r < m; r++) {
    const row = new Array<number>(m).fill(0);
    if (r === 0) for (let c = 0; c < m; c++) row[c] = -d[c + 1];
    else row[r - 1] = 1;
    A.push(row);
  }
  const B = new Array<number>(m).fill(0);
  B[0] = 1;
  const C = new Array<number>(m);
  for (let k = 0; k < m; k++) C[k] = padded[k + 1] - D * d[k + 1];
  return { A, B, C, D };
}
