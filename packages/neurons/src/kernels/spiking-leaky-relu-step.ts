/**
 * NengoDL `SpikingLeakyReLU.step`: `v += (J >= 0 ? J : negativeSlope * J) * dt;
 * n = trunc(v); out = (amplitude / dt) * n; v -= n`. Negative spikes are possible;
 * several spikes per step are allowed. Returns how many neurons spiked (either sign).
 */
export function spikingLeakyReluStep(
  dt: number,
  J: Float32Array,
  out: Float32Array,
  voltage: Float32Array,
  negativeSlope: number,
  amplitude: number,
): number {
  const spikeHeight = amplitude / dt;
  let spiking = 0;
  for (let i = 0, n = J.length; i < n; i++) {
    const j = J[i];
    const v = voltage[i] + (j >= 0 ? j : negativeSlope * j) * dt;
    // trunc(v) is 0 on (-1, 1), the common case.
    if (v >= 1 || v <= -1) {
      const k = Math.trunc(v);
      out[i] = spikeHeight * k;
      voltage[i] = v - k;
      spiking++;
    } else {
      out[i] = 0;
      voltage[i] = v;
    }
  }
  return spiking;
}
