import { createRng } from '@snn/ir';
import { lifStep } from './kernels/lif-step.js';
import { LIF } from './neurons/lif.js';
import { resolveParams } from './params.js';
import type { NeuronStepPool } from './threads/neuron-step-pool.js';
import { lifStepAuto, type LifPrecision } from './wasm/lif-step-auto.js';
import { allocNeuronArray, freeNeuronArray, isNeuronArray } from './wasm/neuron-array.js';

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
  /**
   * 'auto' (default): `LIF.step` on arrays in neuron memory, i.e. the WebAssembly SIMD kernel
   * where available; 'js': the plain-JS `lifStep` kernel on ordinary arrays.
   */
  readonly kernel?: 'auto' | 'js';
  /** Step through this pool (its threads); default: on the calling thread. Needs kernel 'auto'. */
  readonly pool?: NeuronStepPool;
  /**
   * Arithmetic of the step (see `LifPrecision`): 'float64' (exact, the default; the pool's
   * precision when a pool is given) or 'float32' (the faster float32 SIMD kernel; needs
   * kernel 'auto', and a pool created with the same precision).
   */
  readonly precision?: LifPrecision;
}

/** Result of {@link measureLifThroughput}. */
export interface LifThroughput {
  /** Neuron updates per second of wall-clock time. */
  readonly neuronStepsPerSec: number;
  /** Wall-clock time of the timed steps (s). */
  readonly seconds: number;
  /** Spikes emitted during the timed steps (keeps the work observable). */
  readonly spikes: number;
  /** Which kernel ran: 'wasm' (SIMD, on neuron memory) or 'js'. */
  readonly kernel: 'wasm' | 'js';
  /** Threads that stepped the population. */
  readonly threads: number;
  /** Arithmetic that ran: 'float32' only where the float32 WebAssembly kernel ran. */
  readonly precision: LifPrecision;
}

/**
 * Time the LIF step kernel (default parameters, dt = 1 ms): `steps` steps of `neurons` neurons
 * with voltages from Uniform(0, 1), on the calling thread or through a `NeuronStepPool`, in
 * float64 (exact, default) or float32 arithmetic.
 * For the workspace benchmark.
 */
export function measureLifThroughput(options: LifThroughputOptions): LifThroughput {
  const { neurons, steps, dt = 0.001, seed = 0, kernel = 'auto', pool } = options;
  const precision = options.precision ?? pool?.precision ?? 'float64';
  if (options.J instanceof Float32Array && options.J.length !== neurons) {
    throw new RangeError(`measureLifThroughput: J has ${options.J.length} values for ${neurons} neurons`);
  }
  if (pool !== undefined && pool.precision !== precision) {
    throw new RangeError(`measureLifThroughput: precision '${precision}' differs from the pool's '${pool.precision}'`);
  }
  if (kernel === 'js' && precision !== 'float64') {
    throw new RangeError(`measureLifThroughput: the 'js' kernel computes in float64 only, got precision '${precision}'`);
  }
  const rng = createRng(seed);
  const alloc = kernel === 'js' ? (n: number) => new Float32Array(n) : allocNeuronArray;
  const J = alloc(neurons);
  if (options.J instanceof Float32Array) J.set(options.J);
  else if (typeof options.J === 'number') J.fill(options.J);
  else rng.fillUniform(J, 0, 5);
  const state = { voltage: rng.fillUniform(alloc(neurons), 0, 1), refractoryTime: alloc(neurons) };
  const out = alloc(neurons);
  const params = resolveParams(LIF);
  const { tauRc, tauRef, minVoltage, amplitude } = params;
  const { voltage: v, refractoryTime: r } = state;
  const step =
    kernel === 'js'
      ? () => lifStep(dt, J, out, v, r, tauRc, tauRef, minVoltage, amplitude)
      : pool !== undefined
        ? () => pool.step(LIF, dt, J, out, state, params)
        : precision === 'float32'
          ? () => lifStepAuto(dt, J, out, v, r, tauRc, tauRef, minVoltage, amplitude, { precision })
          : () => LIF.step(dt, J, out, state, params);
  for (let s = 0; s < 5; s++) step();
  let spikes = 0;
  const t0 = performance.now();
  for (let s = 0; s < steps; s++) spikes += step();
  const seconds = (performance.now() - t0) / 1000;
  const wasm = kernel !== 'js' && isNeuronArray(J);
  const threads = wasm && pool !== undefined && neurons >= pool.minParallel ? pool.threads : 1;
  for (const a of [J, out, state.voltage, state.refractoryTime]) freeNeuronArray(a);
  return {
    neuronStepsPerSec: (neurons * steps) / seconds,
    seconds,
    spikes,
    kernel: wasm ? 'wasm' : 'js',
    threads,
    precision: wasm ? precision : 'float64',
  };
}
