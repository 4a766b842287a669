/**
 * Integrate-and-fire with signed input and reset by subtraction (the neuron of the ANN-to-SNN
 * conversion literature: Rueckauer et al. 2017, Bu et al. 2022): `v += J * dt`; when `v >= 1`,
 * `k = floor(v)` spikes of height `amplitude / dt` and `v -= k`. Unlike Nengo's
 * SpikingRectifiedLinear, negative currents lower `v` (there is no floor), so a neuron whose
 * input spikes sum to a negative value stays silent instead of firing on every positive one.
 * At most `maxSpikes` spikes a step (default no limit): the rest of `v` carries over, as in
 * the one-spike-per-step neurons of SpikingJelly and QCFS. Float64 arithmetic. Returns how
 * many neurons spiked.
 */
export function integrateAndFireStep(dt: number, J: Float32Array, out: Float32Array, voltage: Float32Array, amplitude: number, maxSpikes = Infinity): number {
  const spikeHeight = amplitude / dt;
  let spiking = 0;
  for (let i = 0, n = J.length; i < n; i++) {
    const v = voltage[i] + J[i] * dt;
    if (v >= 1) {
      const k = Math.min(Math.floor(v), maxSpikes);
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

/**
 * {@link integrateAndFireStep} in float32 arithmetic (every operation rounded to float32, as a
 * float32 simulator computes it). Steps neurons `[start, J.length)` and appends those that
 * spiked, in increasing order, to `activeIndex` / `activeValue` from position `count`;
 * returns the new count.
 */
export function integrateAndFireStepF32(
  dt: number,
  J: Float32Array,
  out: Float32Array,
  voltage: Float32Array,
  amplitude: number,
  start: number,
  activeIndex: Int32Array,
  activeValue: Float32Array,
  count: number,
  maxSpikes = Infinity,
): number {
  const dt32 = Math.fround(dt);
  const height = Math.fround(amplitude / dt);
  for (let i = start, n = J.length; i < n; i++) {
    const v = Math.fround(voltage[i] + Math.fround(J[i] * dt32));
    if (v >= 1) {
      const k = Math.min(Math.floor(v), maxSpikes);
      const o = Math.fround(k * height);
      out[i] = o;
      voltage[i] = Math.fround(v - k);
      activeIndex[count] = i;
      activeValue[count++] = o;
    } else {
      out[i] = 0;
      voltage[i] = v;
    }
  }
  return count;
}
