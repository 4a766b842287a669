import type { Rng } from '@snn/ir';

/** Schema of one neuron parameter: its default, allowed range and meaning (with units). */
export interface NeuronParamSpec {
  readonly default: number;
  /** Smallest allowed value (inclusive). */
  readonly min?: number;
  /** Largest allowed value (inclusive). */
  readonly max?: number;
  /** Whether only whole numbers are allowed (e.g. a count of quantization levels). */
  readonly integer?: boolean;
  /** What it is, with units, e.g. "membrane time constant (s)". */
  readonly doc: string;
}

/** Resolved parameter values of one population (every schema key present). */
export type NeuronParams = Readonly<Record<string, number>>;

/** Per-neuron state variables of one population, e.g. `{ voltage, refractoryTime }`. */
export type NeuronState = Record<string, Float32Array>;

/**
 * A neuron type: a plain object registered by name. Rate types map a current J to a
 * rate (Hz times amplitude); spiking types emit `amplitude / dt` per spike and their
 * `rates` is the rate their spikes average to. All array methods are allocation-free
 * loops over `Float32Array`s and may be called with `J === out` only where documented.
 */
export interface NeuronType {
  /** Registry name, e.g. `LIF`. */
  readonly name: string;
  /** Parameter schema with defaults. */
  readonly params: Readonly<Record<string, NeuronParamSpec>>;
  /** True when `step` emits spikes (values `k * amplitude / dt`). */
  readonly spiking: boolean;
  /** Whether outputs can be negative (Nengo's `negative`). */
  readonly negative: boolean;
  /** Names of the per-neuron state variables `initState` creates. */
  readonly stateNames: readonly string[];
  /** Fresh state for `n` neurons (e.g. voltage ~ Uniform(0, 1)), drawn from `rng`. */
  initState(n: number, params: NeuronParams, rng: Rng): NeuronState;
  /** `out[i] = rate(J[i])`: the steady-state output for constant current J. */
  rates(J: Float32Array, out: Float32Array, params: NeuronParams): void;
  /**
   * Advance one time step of `dt` seconds with input current `J`, writing the output
   * into `out` and updating `state` in place. Returns how many neurons have a nonzero
   * output this step (spiking types: how many spiked).
   */
  step(dt: number, J: Float32Array, out: Float32Array, state: NeuronState, params: NeuronParams): number;
  /**
   * Optional float32 form of `step` for simulators (NengoDL's precision: every operation
   * rounded to float32; close to but not bit-identical with `step`, which may compute in
   * float64). Also lists the neurons with a nonzero output in increasing order: indices into
   * `out` in `activeIndex`, outputs in `activeValue` (both at least `J.length` long).
   * Returns the list's length.
   */
  stepFloat32?(
    dt: number,
    J: Float32Array,
    out: Float32Array,
    state: NeuronState,
    params: NeuronParams,
    activeIndex: Int32Array,
    activeValue: Float32Array,
  ): number;
  /**
   * When a neuron is at rest: a current at most `inputAtMost`, with every listed state variable
   * in its `[min, max)`, leaves the state unchanged and the output zero, step after step, in
   * `step` and `stepFloat32` alike (SpikingRectifiedLinear: J <= 0 with 0 <= voltage < 1).
   * Simulators may then skip such neurons while their current is constant. Absent: never skipped.
   */
  readonly restsWhen?: { readonly inputAtMost: number; readonly state: Readonly<Record<string, readonly [number, number]>> };
  /** `out[i] = d rate / dJ at J[i]`, for training. Absent: the trainer differentiates numerically. */
  ratesDerivative?(J: Float32Array, out: Float32Array, params: NeuronParams): void;
  /**
   * Names of the parameters training may learn, one scalar per population (e.g. QCFS's
   * `threshold`). Each must be a key of `params`; the trainer keeps the learned value in
   * the node's `params`.
   */
  readonly trainableParams?: readonly string[];
  /**
   * `out[i] = d rate / d params[name]` at current `J[i]`, for each name in `trainableParams`.
   * Absent: the trainer differentiates `rates` numerically with respect to the parameter.
   */
  ratesParamDerivative?(name: string, J: Float32Array, out: Float32Array, params: NeuronParams): void;
  /**
   * The rate type to train through instead of `rates` (e.g. SoftLIFRate for LIF), and
   * how this type's parameters map onto it.
   */
  readonly surrogate?: { readonly type: string; params(p: NeuronParams): NeuronParams };
  /**
   * The type whose rate curve this one approximates, when it neither is nor trains through it
   * (e.g. `'RectifiedLinear'` for Loihi's spiking ReLU, whose rates are a staircase of ReLU's):
   * conversion tools such as calibration then treat it as a member of that family.
   */
  readonly approximates?: string;
  /**
   * The highest rate (Hz) a neuron of this type can fire at, with time step `dt` (s), for types
   * capped by their hardware (e.g. Loihi's: one spike per step, 1/dt). Conversion tools refuse
   * to ask for more ("Max rates must be below the inverse time step"). Absent: no such cap.
   */
  maxRateHz?(dt: number, params: NeuronParams): number;
  /**
   * Gain and bias that give each neuron the max rate `maxRates[i]` (Hz) at x = 1 and the
   * intercept `intercepts[i]` (Nengo's `gain_bias`). Throws an SnnError when impossible.
   */
  gainBias?(maxRates: Float32Array, intercepts: Float32Array, params: NeuronParams, gain: Float32Array, bias: Float32Array): void;
  /**
   * The inverse of `gainBias`: the max rate (Hz, at x = 1) and intercept each neuron has with
   * the given gain and bias (Nengo's `max_rates_intercepts`).
   */
  maxRatesIntercepts?(gain: Float32Array, bias: Float32Array, params: NeuronParams, maxRates: Float32Array, intercepts: Float32Array): void;
}
