// QCFS (Bu et al., ICLR 2022): h(J) = amplitude * threshold * clip(floor(J * levels / threshold + 1/2) / levels, 0, 1).
// The quantization step count q = floor(J * levels / threshold + 1/2) is computed in float64
// as J * (levels / threshold) + 0.5, so all three functions agree on which step J falls in.

/**
 * QCFS rates: `out = amplitude * threshold * min(max(q, 0), levels) / levels` with
 * `q = floor(J * levels / threshold + 0.5)`. Safe with `J === out`. Returns the nonzero count.
 */
export function qcfsRate(J: Float32Array, out: Float32Array, levels: number, threshold: number, amplitude: number): number {
  const scale = levels / threshold;
  const step = (amplitude * threshold) / levels;
  let active = 0;
  for (let i = 0, n = J.length; i < n; i++) {
    const q = Math.floor(J[i] * scale + 0.5);
    if (q > 0) {
      out[i] = step * (q < levels ? q : levels);
      active++;
    } else out[i] = 0;
  }
  return active;
}

/**
 * Straight-through d rate / dJ, as autograd gives it for the reference code (floor's gradient
 * taken as 1, clamp's as 1 where its input lies in [0, 1], bounds included):
 * `amplitude` where `0 <= q <= levels`, i.e. J in [-threshold/(2 levels), threshold (1 + 1/(2 levels))),
 * else 0. Safe with `J === out`.
 */
export function qcfsDerivative(J: Float32Array, out: Float32Array, levels: number, threshold: number, amplitude: number): void {
  const scale = levels / threshold;
  for (let i = 0, n = J.length; i < n; i++) {
    const q = Math.floor(J[i] * scale + 0.5);
    out[i] = q >= 0 && q <= levels ? amplitude : 0;
  }
}

/**
 * Straight-through d rate / d threshold, as autograd gives it for the reference code:
 * `amplitude * (q / levels - J / threshold)` where `0 <= q <= levels` (minus the quantization
 * residual, in [-1/(2 levels), 1/(2 levels)]), `amplitude` where `q > levels` (clipped at the
 * threshold), 0 where `q < 0`. Safe with `J === out`.
 */
export function qcfsThresholdDerivative(J: Float32Array, out: Float32Array, levels: number, threshold: number, amplitude: number): void {
  const scale = levels / threshold;
  for (let i = 0, n = J.length; i < n; i++) {
    const j = J[i];
    const q = Math.floor(j * scale + 0.5);
    if (q > levels) out[i] = amplitude;
    else if (q >= 0) out[i] = amplitude * (q / levels - j / threshold);
    else out[i] = 0;
  }
}
