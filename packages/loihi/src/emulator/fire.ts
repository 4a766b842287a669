/**
 * The end of a compartment update shared by the integer and float steps (spec §3.1 steps
 * 7-8) for compartment c of flat index k: clip v to [vmin, vmax]; v = 0 while refractory;
 * spike when `v > vth` (strict), then v = 0 and the refractory count restarts; the count
 * drops by one each step. Returns the new voltage.
 */
export function fire(
  v: number,
  k: number,
  vth: number,
  vmin: number,
  vmax: number,
  refractDelay: number,
  refCount: Int32Array,
  spiked: Uint8Array,
  spikeCount: Uint32Array,
): number {
  let out = v < vmin ? vmin : v > vmax ? vmax : v;
  let ref = refCount[k];
  if (ref > 0) out = 0;
  if (out > vth) {
    out = 0;
    ref = refractDelay;
    spiked[k] = 1;
    spikeCount[k]++;
  } else spiked[k] = 0;
  refCount[k] = ref > 0 ? ref - 1 : 0;
  return out;
}
