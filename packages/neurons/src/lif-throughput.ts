import { createRng } from '@snn/ir';
import { lifStep } from './kernels/lif-step.js';

/** Options of {@link measureLifThroughput}. */
export interface LifThroughputOptions {
  /** Population size. */
  readonly neurons: number;
  /** Timed steps (after a few untimed warm-up steps). */
  readonly steps: number;
  /** Input current: one value for all, one per neuron, or (default) Uniform(0, 5) per neuron. */
  readonly J?: number | Float32Array;
  /** Time step (s); default 0.001. */
  readonly dt?: number;
  /** Seed for the initial voltages and the default currents; default 0. */
  readonly seed?: number;
}

/** Result of {@link measureLifThroughput}. */
export interface LifThroughput {
  /** Neuron updates per second of wall-clock time, on one thread. */
  readonly neuronStepsPerSec: number;
  /** Wall-clock time of the timed steps (s). */
  readonly seconds: number;
  /** Spikes emitted during the timed steps (keeps the work observable). */
  readonly spikes: number;
}

/**
 * Time the LIF step kernel (default parameters, dt = 1 ms) on a single thread: `steps`
 * steps of `neurons` neurons with voltages from Uniform(0, 1). For the workspace benchmark.
 */
export function measureLifThroughput(options: LifThroughputOptions): LifThroughput {
  const { neurons, steps, dt = 0.001, seed = 0 } = options;
  const rng = createRng(seed);
  let J: Float32Array;
  if (options.J instanceof Float32Array) J = options.J;
  else if (typeof options.J === 'number') J = new Float32Array(neurons).fill(options.J);
  else J = rng.fillUniform(new Float32Array(neurons), 0, 5);
  if (J.length !== neurons) throw new RangeError(`measureLifThroughput: J has ${J.length} values for ${neurons} neurons`);
  const voltage = rng.fillUniform(new Float32Array(neurons), 0, 1);
  const refractoryTime = new Float32Array(neurons);
  const out = new Float32Array(neurons);
  const tauRc = 0.02;
  const tauRef = 0.002;
  for (let s = 0; s < 5; s++) lifStep(dt, J, out, voltage, refractoryTime, tauRc, tauRef, 0, 1);
  let spikes = 0;
  const t0 = performance.now();
  for (let s = 0; s < steps; s++) spikes += lifStep(dt, J, out, voltage, refractoryTime, tauRc, tauRef, 0, 1);
  const seconds = (performance.now() - t0) / 1000;
  return { neuronStepsPerSec: (neurons * steps) / seconds, seconds, spikes };
}
