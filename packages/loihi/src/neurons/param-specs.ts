import type { NeuronParamSpec } from '@snn/neurons';

/**
 * The time step (s) `rates` assumes: a Loihi rate is `1 / (dt * steps)`, so it depends on dt
 * (Nengo Loihi's `rates(..., dt=0.001)`). `step` discretizes with the simulator's own dt; set
 * this to the same value.
 */
export const dtSpec: NeuronParamSpec = {
  default: 0.001,
  min: Number.MIN_VALUE,
  doc: 'time step the rates assume (s, > 0); set it to the simulator dt',
};

/** Output scale (Nengo `amplitude`, > 0). */
export const amplitudeSpec: NeuronParamSpec = {
  default: 1,
  min: Number.MIN_VALUE,
  doc: 'output scale (> 0): spike height amplitude/dt, rate times amplitude (unitless)',
};
