import { SnnError } from '@snn/ir';
import { qcfsDerivative, qcfsRate, qcfsThresholdDerivative } from '../kernels/qcfs.js';
import type { NeuronParamSpec, NeuronType } from '../types.js';
import { amplitudeSpec } from './param-specs.js';

const levelsSpec: NeuronParamSpec = {
  default: 8,
  min: 1,
  integer: true,
  doc: 'number of quantization levels L (a whole number >= 1; the converted network runs about L time steps)',
};

const thresholdSpec: NeuronParamSpec = {
  default: 1,
  min: Number.MIN_VALUE,
  doc: 'threshold λ (> 0, units of J): the output saturates at amplitude * λ; trainable',
};

/**
 * Quantization-clip-floor-shift activation (Bu et al., "Optimal ANN-SNN Conversion for
 * High-accuracy and Ultra-low-latency Spiking Neural Networks", ICLR 2022), a rate type:
 * `out = amplitude * threshold * clip(floor(J * levels / threshold + 1/2) / levels, 0, 1)`.
 * An ANN trained with it converts to integrate-and-fire neurons (reset by subtraction,
 * firing threshold λ, initial voltage λ/2) that match it at about `levels` time steps.
 * Training goes straight through the floor (`ratesDerivative`, `ratesParamDerivative`);
 * `threshold` is trainable. `scaleFiringRates` by s keeps the output only if the threshold
 * is scaled by s too. No state; `J === out` is allowed.
 */
export const QCFS: NeuronType = {
  name: 'QCFS',
  params: { levels: levelsSpec, threshold: thresholdSpec, amplitude: amplitudeSpec },
  spiking: false,
  negative: false,
  stateNames: [],
  initState: () => ({}),
  rates: (J, out, p) => {
    qcfsRate(J, out, p.levels, p.threshold, p.amplitude);
  },
  step: (_dt, J, out, _state, p) => qcfsRate(J, out, p.levels, p.threshold, p.amplitude),
  ratesDerivative: (J, out, p) => qcfsDerivative(J, out, p.levels, p.threshold, p.amplitude),
  trainableParams: ['threshold'],
  ratesParamDerivative: (name, J, out, p) => {
    if (name !== 'threshold') {
      throw new SnnError('NEURON_UNKNOWN_PARAM', `QCFS trains only its threshold; it has no trainable parameter "${name}".`, { where: name });
    }
    qcfsThresholdDerivative(J, out, p.levels, p.threshold, p.amplitude);
  },
};
