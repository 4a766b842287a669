import { SnnError } from '@snn/ir';

/**
 * Throw `NEURON_BAD_RATE` unless every `maxRates[i]` is positive, finite and strictly below
 * `1 / tauRef` (Nengo: "Max rates must be below the inverse refractory period"). A `tauRef`
 * of 0 means no upper limit.
 */
export function checkMaxRates(typeName: string, maxRates: Float32Array, tauRef: number): void {
  const limit = tauRef > 0 ? 1 / tauRef : Infinity;
  for (let i = 0, n = maxRates.length; i < n; i++) {
    const r = maxRates[i];
    if (!(r > 0) || r === Infinity) {
      throw new SnnError(
        'NEURON_BAD_RATE',
        `${typeName}: max rates must be positive and finite; maxRates[${i}] = ${r} Hz. Give max rates above 0 Hz.`,
        { where: `maxRates[${i}]` },
      );
    }
    if (r >= limit) {
      throw new SnnError(
        'NEURON_BAD_RATE',
        `${typeName}: Max rates must be below the inverse refractory period (${limit.toFixed(3)}); ` +
          `maxRates[${i}] = ${r} Hz with tauRef = ${tauRef} s. Lower the max rates below ${limit.toFixed(3)} Hz or shorten tauRef.`,
        { where: `maxRates[${i}]` },
      );
    }
  }
}
