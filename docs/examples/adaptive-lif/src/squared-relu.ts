import type { NeuronType } from '@snn/neurons';

/**
 * A rate neuron type for Keras's squared ReLU activation: `amplitude * max(J, 0)^2`, with its
 * exact derivative for training. Not spiking: `step` outputs the rate itself (Nengo's rate
 * types do the same).
 */
export const SquaredReLU: NeuronType = {
  name: 'SquaredReLU',
  params: { amplitude: { default: 1, min: 0, doc: 'output scale (Keras: 1)' } },
  spiking: false,
  negative: false,
  stateNames: [],
  initState: () => ({}),
  rates: (J, out, p) => {
    for (let i = 0; i < J.length; i++) out[i] = J[i] > 0 ? p.amplitude * J[i] * J[i] : 0;
  },
  ratesDerivative: (J, out, p) => {
    for (let i = 0; i < J.length; i++) out[i] = J[i] > 0 ? 2 * p.amplitude * J[i] : 0;
  },
  step: (_dt, J, out, _state, p) => {
    let active = 0;
    for (let i = 0; i < J.length; i++) {
      out[i] = J[i] > 0 ? p.amplitude * J[i] * J[i] : 0;
      if (out[i] !== 0) active++;
    }
    return active;
  },
};
