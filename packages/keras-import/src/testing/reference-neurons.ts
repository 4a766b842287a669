import type { NeuronParams, NeuronType } from '@snn/neurons';

/**
 * In-place float64 rate function `J → rate(J)` for the built-in rate semantics
 * (spec §2), or the type's own float32 `rates` for anything else (user types).
 */
export function neuronRate64(type: NeuronType, p: NeuronParams): (j: Float64Array) => void {
  const amp = p.amplitude ?? 1;
  switch (type.name) {
    case 'RectifiedLinear':
    case 'SpikingRectifiedLinear':
      return (j) => {
        for (let i = 0; i < j.length; i++) j[i] = j[i] > 0 ? amp * j[i] : 0;
      };
    case 'LeakyReLU':
    case 'SpikingLeakyReLU':
      return (j) => {
        for (let i = 0; i < j.length; i++) j[i] = amp * (j[i] >= 0 ? j[i] : p.negativeSlope * j[i]);
      };
    case 'Sigmoid':
      return (j) => {
        for (let i = 0; i < j.length; i++) j[i] = 1 / p.tauRef / (1 + Math.exp(-j[i]));
      };
    case 'Tanh':
      return (j) => {
        for (let i = 0; i < j.length; i++) j[i] = Math.tanh(j[i]) / p.tauRef;
      };
    case 'LIF':
    case 'LIFRate':
      return (j) => {
        for (let i = 0; i < j.length; i++) {
          const x = j[i] - 1;
          j[i] = x > 0 ? amp / (p.tauRef + p.tauRc * Math.log1p(1 / x)) : 0;
        }
      };
    default: {
      let buf = new Float32Array(0);
      let out = new Float32Array(0);
      return (j) => {
        if (buf.length !== j.length) {
          buf = new Float32Array(j.length);
          out = new Float32Array(j.length);
        }
        buf.set(j);
        type.rates(buf, out, p);
        j.set(out);
      };
    }
  }
}
