/**
 * Nengo Loihi `loihi_spikingrectifiedlinear_rates` on currents: `period = 1 / J` and
 * `out = (amplitude / dt) / ceil(period / dt)` for `J > 0`, else 0. The interspike interval is
 * a whole number of steps, so the rate is a staircase capped at one spike per step (`1 / dt`).
 * Safe with `J === out`.
 */
export function loihiSrlRate(J: Float32Array, out: Float32Array, amplitude: number, dt: number): void {
  const spikeHeight = amplitude / dt;
  for (let i = 0, n = J.length; i < n; i++) {
    const j = J[i];
    out[i] = j > 0 ? spikeHeight / Math.ceil(1 / j / dt) : 0;
  }
}

/**
 * The smooth curve NengoDL trains LoihiSpikingRectifiedLinear through (nengo-extras
 * `LoihiSpikingRectifiedLinearBuilder`): `amplitude / (dt / 2 + 1 / J)` for `J > 0`, else 0,
 * the middle of the staircase. J = 300 -> 260.87, 400 -> 333.33, 900 -> 620.69 (dt 1 ms).
 */
export function loihiSrlSmoothRate(J: Float32Array, out: Float32Array, amplitude: number, dt: number): void {
  const halfStep = 0.5 * dt;
  for (let i = 0, n = J.length; i < n; i++) {
    const j = J[i];
    out[i] = j > 0 ? amplitude / (halfStep + 1 / j) : 0;
  }
}

/** d(loihiSrlSmoothRate)/dJ = `amplitude / (1 + J dt / 2)^2` for `J > 0`, else 0. */
export function loihiSrlSmoothRateDerivative(J: Float32Array, out: Float32Array, amplitude: number, dt: number): void {
  const halfStep = 0.5 * dt;
  for (let i = 0, n = J.length; i < n; i++) {
    const j = J[i];
    const den = 1 + j * halfStep;
    out[i] = j > 0 ? amplitude / (den * den) : 0;
  }
}
