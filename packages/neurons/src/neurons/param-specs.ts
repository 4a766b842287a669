import type { NeuronParamSpec } from '../types.js';

// Shared parameter schemas. Nengo's open lower bounds ("> 0") are written as
// `min: Number.MIN_VALUE`, the smallest positive double, because NeuronParamSpec bounds are inclusive.

/** Output scale (Nengo `amplitude`, > 0): rate types multiply their rate, spiking types emit `amplitude / dt` per spike. */
export const amplitudeSpec: NeuronParamSpec = {
  default: 1,
  min: Number.MIN_VALUE,
  doc: 'output scale (> 0): rate times amplitude, or spike height amplitude/dt (unitless)',
};

/** Membrane RC time constant (Nengo `tau_rc`, > 0). */
export const tauRcSpec: NeuronParamSpec = {
  default: 0.02,
  min: Number.MIN_VALUE,
  doc: 'membrane RC time constant (s, > 0)',
};

/** Absolute refractory period of the LIF family (Nengo `tau_ref`, >= 0). */
export const tauRefSpec: NeuronParamSpec = {
  default: 0.002,
  min: 0,
  doc: 'absolute refractory period (s, >= 0)',
};

/** Refractory period of Sigmoid/Tanh, whose maximum output is `1 / tauRef` (> 0). */
export const saturationTauRefSpec: NeuronParamSpec = {
  default: 0.0025,
  min: Number.MIN_VALUE,
  doc: 'refractory period (s, > 0); the output saturates at 1/tauRef Hz',
};

/** Slope for negative currents of the leaky ReLU family (NengoDL `negative_slope`). */
export const negativeSlopeSpec: NeuronParamSpec = {
  default: 0.3,
  doc: 'slope applied to negative input currents (unitless)',
};
