/**
 * One Nengo Loihi `LoihiSpikingRectifiedLinear.step` over all neurons, in place and
 * allocation-free: `v += J * dt`; `spiked = v > 1` (strict); `out = spiked * amplitude / dt`;
 * `v = max(v, 0)`; spiked: `v = 0`. Reset to zero (not by subtraction), so never more than one
 * spike per step, and at exact integer periods the strict `>` waits one step more than
 * `rates` (J = 500 spikes every 3 steps). Returns the number of spikes.
 */
export function loihiSrlStep(dt: number, J: Float32Array, out: Float32Array, voltage: Float32Array, amplitude: number): number {
  const spikeHeight = amplitude / dt;
  let spikes = 0;
  for (let i = 0, n = J.length; i < n; i++) {
    const v = voltage[i] + J[i] * dt;
    if (v > 1) {
      out[i] = spikeHeight;
      voltage[i] = 0;
      spikes++;
    } else {
      out[i] = 0;
      voltage[i] = v < 0 ? 0 : v;
    }
  }
  return spikes;
}
