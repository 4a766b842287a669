import { roundHalfEven } from '../round.js';
import { loihiError } from '../error-codes.js';
import { BIAS_EXP_MAX, BIAS_MAN_MAX, VTH_EXP, VTH_MAN_MAX } from './chip-constants.js';

/** Chip integers stored as mantissa * 2^exponent, and their value. */
export interface ManExp {
  /** Mantissas. */
  readonly man: Int32Array;
  /** Exponents. */
  readonly exp: Int32Array;
  /** The stored values, man * 2^exp. */
  readonly value: Int32Array;
}

/**
 * Thresholds as the chip stores them (spec §2.3): mantissa round(vth/64), exponent 6, value man*64.
 * Throws `LOIHI_BUILD` naming `where` when a mantissa falls outside (0, 2^17 - 1].
 */
export function vthToManExp(vth: Float64Array, where: string): ManExp {
  const n = vth.length;
  const out = { man: new Int32Array(n), exp: new Int32Array(n).fill(VTH_EXP), value: new Int32Array(n) };
  for (let i = 0; i < n; i++) {
    const man = roundHalfEven(vth[i]! / 2 ** VTH_EXP);
    if (!(man > 0 && man <= VTH_MAN_MAX)) {
      throw loihiError(
        'LOIHI_BUILD',
        `${where}: threshold mantissa ${man} of compartment ${i} is outside (0, ${VTH_MAN_MAX}]; thresholds must be positive.`,
        where,
      );
    }
    out.man[i] = man;
    out.value[i] = man * 2 ** VTH_EXP;
  }
  return out;
}

/**
 * Biases as the chip stores them (spec §2.3): exponent ceil(log2(max(|bias|/4095, 1))) in 0..7,
 * mantissa round(bias/2^exp), value man*2^exp. Throws `LOIHI_BUILD` naming `where` when out of range.
 */
export function biasToManExp(bias: Float64Array, where: string): ManExp {
  const n = bias.length;
  const out = { man: new Int32Array(n), exp: new Int32Array(n), value: new Int32Array(n) };
  for (let i = 0; i < n; i++) {
    const b = bias[i]!;
    const exp = Math.ceil(Math.log2(Math.max(Math.abs(b) / BIAS_MAN_MAX, 1)));
    const man = roundHalfEven(b / 2 ** exp);
    if (!(exp <= BIAS_EXP_MAX && Math.abs(man) <= BIAS_MAN_MAX)) {
      throw loihiError('LOIHI_BUILD', `${where}: bias ${b} of compartment ${i} exceeds the chip's range (${BIAS_MAN_MAX}*2^${BIAS_EXP_MAX}).`, where);
    }
    out.man[i] = man;
    out.exp[i] = exp;
    out.value[i] = man * 2 ** exp;
  }
  return out;
}
