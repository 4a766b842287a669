/**
 * Nengo `RegularSpiking.step` on rates already computed by the base type: in place on
 * `rateOut`, `v += dt * rate; n = floor(v); rateOut = (amplitude / dt) * n; v -= n`.
 * Returns how many neurons spiked (either sign).
 */
export function ratesToRegularSpikesStep(dt: number, rateOut: Float32Array, voltage: Float32Array, amplitude: number): number {
  const spikeHeight = amplitude / dt;
  let spiking = 0;
  for (let i = 0, n = rateOut.length; i < n; i++) {
    const v = voltage[i] + dt * rateOut[i];
    if (v >= 1 || v < 0) {
      const k = Math.floor(v);
      rateOut[i] = spikeHeight * k;
      voltage[i] = v - k;
      if (k !== 0) spiking++;
    } else {
      rateOut[i] = 0;
      voltage[i] = v;
    }
  }
  return spiking;
}
