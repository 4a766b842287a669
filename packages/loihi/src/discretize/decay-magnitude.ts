/**
 * Estimated sum of the integer decay series `x_i = floor(r x_{i-1})` relative to `x0`
 * (Nengo Loihi `decay_magnitude`, spec §2.2): how much total current (or voltage) one input of
 * magnitude `x0` produces once the chip's rounding down is accounted for (expected loss 0.494 per
 * step). `decay` is the integer register value; current uses offset 1, voltage offset 0.
 */
export function decayMagnitude(decay: number, offset = 0, x0 = 2 ** 21, bits = 12): number {
  const q = 0.494;
  const r = (2 ** bits - offset - decay) / 2 ** bits;
  const n = -Math.log1p((x0 * (1 - r)) / q) / Math.log(r);
  const principalSum = (1 - r ** (n + 1)) / (1 - r);
  const lossSum = (q / ((1 - r) * x0)) * (n + 1 - (1 - r ** (n + 1)) / (1 - r));
  return principalSum - lossSum;
}
