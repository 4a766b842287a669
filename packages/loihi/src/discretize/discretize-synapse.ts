import { weightExpScale } from './chip-constants.js';
import { maxAbs } from './max-abs.js';
import { discretizeWeights, type DiscretizeWeightsOptions } from './discretize-weights.js';
import { DENSE_SYNAPSE_FORMAT, type SynapseFormat } from './synapse-format.js';

/** Float weights of one synapse into a block: current per spike, row-major (input axon x compartment). */
export interface BlockSynapse {
  /** The weights; float32 weights are scaled in float32 arithmetic, as Nengo Loihi (numpy) does. */
  readonly weights: Float32Array | Float64Array;
  /** Storage format (default {@link DENSE_SYNAPSE_FORMAT}). */
  readonly format?: SynapseFormat;
}

/** How much quantization changed one synapse's weights, in chip units. */
export interface WeightQuantization {
  /** max |w_float * weightScale - W_int|. */
  readonly maxAbsError: number;
  /** maxAbsError / max |w_float * weightScale| (0 for an all-zero synapse). */
  readonly relativeError: number;
  /** The chip integer one float weight unit should map to: wScale * 2^(6 + wExp). */
  readonly weightScale: number;
}

/** One synapse's weights in chip integers. */
export interface DiscretizedSynapse {
  /** The synapse's weight exponent (-6..0 here; the chip multiplies by 2^(6 + weightExp)). */
  readonly weightExp: number;
  /** How many powers of two this synapse's weights were scaled up beyond the block's (>= 0). */
  readonly dwExp: number;
  /** W_int, same layout as the float weights. */
  readonly weights: Int32Array;
  /** What quantization changed. */
  readonly quantization: WeightQuantization;
}

/**
 * Discretize one synapse (Nengo Loihi `discretize_synapse`, spec §2.4): a synapse whose largest
 * weight is below the block's gets `dwExp = floor(log2(wMax/wMaxSyn))` extra bits and weight exponent
 * `max(wExp - dwExp, -6)`; weights `w*wScale*2^dwExp` are then quantized by {@link discretizeWeights}.
 */
export function discretizeSynapse(
  synapse: BlockSynapse,
  wMax: number,
  wScale: number,
  wExp: number,
  options: DiscretizeWeightsOptions = {},
): DiscretizedSynapse {
  const w = synapse.weights;
  const wMaxSyn = maxAbs(w);
  let dwExp: number;
  let weightExp: number;
  if (wMaxSyn > 1e-16) {
    dwExp = Math.floor(Math.log2(wMax / wMaxSyn));
    weightExp = Math.max(wExp - dwExp, -6);
  } else {
    weightExp = -6;
    dwExp = wExp - weightExp;
  }
  const scaled = new Float64Array(w.length);
  const up = 2 ** dwExp;
  if (w instanceof Float32Array) {
    const ws = Math.fround(wScale);
    for (let i = 0; i < w.length; i++) scaled[i] = Math.fround(w[i]! * ws) * up;
  } else {
    for (let i = 0; i < w.length; i++) scaled[i] = w[i]! * wScale * up;
  }
  const weights = discretizeWeights(scaled, synapse.format ?? DENSE_SYNAPSE_FORMAT, weightExp, options);
  return { weightExp, dwExp, weights, quantization: quantization(w, weights, wScale * weightExpScale(wExp)) };
}

function quantization(w: ArrayLike<number>, wInt: Int32Array, weightScale: number): WeightQuantization {
  let maxAbsError = 0;
  let maxTarget = 0;
  for (let i = 0; i < w.length; i++) {
    const target = w[i]! * weightScale;
    maxAbsError = Math.max(maxAbsError, Math.abs(target - wInt[i]!));
    maxTarget = Math.max(maxTarget, Math.abs(target));
  }
  return { maxAbsError, relativeError: maxTarget > 0 ? maxAbsError / maxTarget : 0, weightScale };
}
