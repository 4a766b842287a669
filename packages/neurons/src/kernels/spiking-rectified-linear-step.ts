/**
 * Nengo `SpikingRectifiedLinear.step`: `v += max(J, 0) * dt; n = floor(v);
 * out = (amplitude / dt) * n; v -= n`. Reset by subtraction; several spikes per step are
 * allowed; negative J is ignored. Returns how many neurons spiked.
 */
export function spikingRectifiedLinearStep(
  dt: number,
  J: Float32Array,
  out: Float32Array,
  voltage: Float32Array,
  amplitude: number,
): number {
  const spikeHeight = amplitude / dt;
  let spiking = 0;
  for (let i = 0, n = J.length; i < n; i++) {
    const j = J[i];
    let v = voltage[i];
    if (j > 0) v += j * dt;
    // floor(v) is 0 on [0, 1), the common case; v < 0 only from a user-set initial state.
    if (v >= 1 || v < 0) {
      const k = Math.floor(v);
      out[i] = spikeHeight * k;
      voltage[i] = v - k;
      if (k !== 0) spiking++;
    } else {
      out[i] = 0;
      voltage[i] = v;
    }
  }
  return spiking;
}
