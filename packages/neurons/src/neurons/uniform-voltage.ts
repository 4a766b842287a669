import type { Rng } from '@snn/ir';
import type { NeuronState } from '../types.js';

/** Nengo's default initial state for integrate-and-reset types: `voltage ~ Uniform(0, 1)`. */
export function uniformVoltageState(n: number, rng: Rng): NeuronState {
  return { voltage: rng.fillUniform(new Float32Array(n), 0, 1) };
}
