import type { NeuronsNode, Rng } from '@snn/ir';
import type { NeuronParams, NeuronState, NeuronType } from '@snn/neurons';
import { simWasm, type KernelArena } from '../wasm/sim-wasm.js';
import { applyGainBias } from '../kernels/gain-bias.js';
import { activeList, collectNonzero, type ActivePtrs } from './active-list.js';
import { RestingSkip } from './resting-skip.js';
import type { FilteredOutput } from './post-filtered-exec.js';
import type { ActiveSet, Exec, ValueSource } from './exec.js';

/**
 * A neurons node. Computes `J = gain * x + bias` (once per batch when `x` is static), then
 * either the rate function (rate mode, rate types) or one spiking step. The initial state
 * is drawn once per node from the seed and repeated for every sample of a batch (NengoDL
 * broadcasts it the same way), so results do not depend on the batch size.
 */
export class NeuronsExec implements Exec {
  readonly id: string;
  readonly size: number;
  value: Float32Array;
  readonly isStatic: boolean;
  readonly spiking: boolean;
  readonly amplitude: number;
  /** Spike counts per neuron summed over the run (spiking), or rate sums (rate). */
  readonly activitySum: Float64Array;
  /** Per-neuron fan-out (synapses driven by one spike), filled in by the compiler. */
  readonly fanOut: Float32Array;
  readonly active: ActiveSet;
  /** Spikes and synaptic operations summed over the run (two float64 in kernel memory). */
  private readonly totals: Float64Array;
  private readonly J: Float32Array;
  private readonly state: NeuronState;
  private readonly initial: NeuronState;
  private readonly inputStatic: boolean;
  private jReady = false;
  private stateView: NeuronState = {};
  /** Skips resting neurons while the current is constant (spiking types with a `restsWhen` rule). */
  private readonly restingSkip?: RestingSkip;
  private stepsThisBatch = 0;
  private filteredOn = false;

  constructor(
    node: NeuronsNode,
    private readonly type: NeuronType,
    private readonly params: NeuronParams,
    private readonly input: ValueSource,
    inputStatic: boolean,
    rateMode: boolean,
    private readonly dt: number,
    maxBatch: number,
    rng: Rng,
    arena: KernelArena,
    float32 = false,
    /** The input as a filtered transform's state and bias (see `PostFilteredExec.filteredOutput`), read in place of `input`. */
    private readonly filteredInput?: FilteredOutput,
  ) {
    this.id = node.id;
    this.size = input.size;
    this.spiking = type.spiking && !rateMode;
    this.isStatic = inputStatic && !this.spiking;
    this.inputStatic = inputStatic;
    this.amplitude = params.amplitude ?? 1;
    this.stepFloat32 = float32 ? type.stepFloat32 : undefined;
    // buffers live in the shared kernel memory where there is one: the SIMD kernels step them in place
    this.value = arena.array(maxBatch * this.size);
    this.J = arena.array(maxBatch * this.size);
    this.gain = arena.copy(expand(node.gain?.data, this.size, 1));
    this.bias = arena.copy(expand(node.bias?.data, this.size, 0));
    this.activitySum = arena.float64(this.size);
    this.totals = arena.float64(2);
    this.fanOut = arena.array(this.size);
    ({ active: this.active, activePtrs: this.activePtrs } = activeList(this.value, arena));
    this.initial = this.spiking ? type.initState(this.size, params, rng) : {};
    if (this.spiking && inputStatic && type.restsWhen) this.restingSkip = new RestingSkip(type.restsWhen, maxBatch * this.size, arena, this.value, this.active);
    Object.values(this.initial).forEach((a) => arena.adopt(a));
    this.state = {};
    for (const k of Object.keys(this.initial)) this.state[k] = arena.array(maxBatch * this.size);
    const wasm = simWasm();
    const gb = wasm ? [this.gain, this.bias, this.J].map((a) => wasm.offsetOf(a)) : [];
    this.gainBiasPtrs = gb.length && gb.every((p) => p >= 0) ? { gain: gb[0], bias: gb[1], J: gb[2] } : undefined;
    const acc = wasm ? [this.fanOut, asFloat32(this.activitySum), asFloat32(this.totals)].map((a) => wasm.offsetOf(a)) : [];
    this.accumulatePtrs = this.activePtrs && acc.every((p) => p >= 0) ? { fanOut: acc[0], sum: acc[1], totals: acc[2] } : undefined;
  }

  /** Spikes (spiking) or rate-weighted activity summed over the run. */
  get spikes(): number {
    return this.totals[0];
  }

  /** Synaptic operations (spikes x fan-out) summed over the run. */
  get synops(): number {
    return this.totals[1];
  }

  /** Byte offsets of `value` and the active lists in kernel memory, when the SIMD kernels can run. */
  readonly activePtrs?: ActivePtrs;
  private readonly gainBiasPtrs?: { readonly gain: number; readonly bias: number; readonly J: number };
  /** The type's float32 step (which also lists the spikes) when the plan runs in float32. */
  private readonly stepFloat32: NeuronType['stepFloat32'];
  private readonly accumulatePtrs?: { readonly fanOut: number; readonly sum: number; readonly totals: number };
  private readonly gain: Float32Array;
  private readonly bias: Float32Array;

  /** Compute the current from `filteredInput` (true) or from `input` (false, the default). */
  readFilteredInput(on: boolean): void {
    this.filteredOn = on && this.filteredInput !== undefined && this.gainBiasPtrs !== undefined;
  }

  reset(batch: number): void {
    this.jReady = false;
    this.stepsThisBatch = 0;
    this.restingSkip?.reset();
    for (const [k, init] of Object.entries(this.initial)) {
      const s = this.state[k];
      for (let b = 0; b < batch; b++) s.set(init, b * this.size);
    }
    this.stateView = sliceState(this.state, batch * this.size);
  }

  forward(batch: number): void {
    const n = batch * this.size;
    const J = this.J.subarray(0, n);
    if (!this.inputStatic || !this.jReady) {
      this.currents(this.filteredOn ? J : this.input.read(), n, J);
      this.jReady = true;
    }
    const out = this.value.subarray(0, n);
    const a = this.active;
    if (this.spiking) {
      const skip = this.restingSkip;
      if (skip?.packed) skip.step(this.stepPacked);
      else if (this.stepFloat32) a.count = this.stepFloat32(this.dt, J, out, this.stateView, this.params, a.index, a.value);
      else {
        const nonzero = this.type.step(this.dt, J, out, this.stateView, this.params);
        a.count = nonzero === 0 ? 0 : this.collect(n);
      }
      if (skip && ++this.stepsThisBatch === 1) skip.pack(J, this.stateView, n);
      this.accumulate(a, 1);
    } else {
      this.type.rates(J, out, this.params);
    }
  }

  /** One step of the neurons the resting skip packed: lists by packed position, or -1 (collect them). */
  private readonly stepPacked = (J: Float32Array, out: Float32Array, state: NeuronState): number => {
    const a = this.active;
    if (this.stepFloat32) return this.stepFloat32(this.dt, J, out, state, this.params, a.index, a.value);
    return this.type.step(this.dt, J, out, state, this.params) === 0 ? 0 : -1;
  };

  /** Add this step's (or, for static rate nodes, `steps` steps') activity to the run totals. */
  accumulate(a: ActiveSet, steps: number): void {
    // spikes per entry = value * dt / amplitude (several spikes per step are possible).
    const toSpikes = (this.dt / this.amplitude) * steps;
    const p = this.accumulatePtrs;
    if (p && a === this.active) {
      const ap = this.activePtrs!;
      simWasm()!.accumulateActive(a.count, ap.index, ap.activeValue, this.size, toSpikes, p.fanOut, p.sum, p.totals);
      return;
    }
    let spikes = 0;
    let synops = 0;
    const size = this.size;
    for (let k = 0; k < a.count; k++) {
      const i = a.index[k] % size;
      const s = a.value[k] * toSpikes;
      spikes += s;
      synops += s * this.fanOut[i];
      this.activitySum[i] += s;
    }
    this.totals[0] += spikes;
    this.totals[1] += synops;
  }

  /** Account rate-mode activity of `steps` steps (static or per-step rate outputs). */
  accumulateRates(batch: number, steps: number): void {
    const a = this.active;
    a.count = this.collect(batch * this.size);
    this.accumulate(a, steps);
  }

  /** `J = gain * x + bias`, with the SIMD kernel when every array is in kernel memory. */
  private currents(x: Float32Array, n: number, J: Float32Array): void {
    const wasm = simWasm();
    const g = this.gainBiasPtrs;
    const f = this.filteredOn ? this.filteredInput : undefined;
    if (wasm && g && f) {
      const lp = f.lowpass;
      return wasm.filteredCurrents(n, this.size, f.biasLength, f.zPtr, lp ? lp.uPtr : -1, lp?.a ?? 0, lp?.b ?? 0, f.biasPtr, g.gain, g.bias, g.J);
    }
    const px = wasm && g ? wasm.offsetOf(x) : -1;
    if (px >= 0) wasm!.gainBias(n, this.size, px, g!.gain, g!.bias, g!.J);
    else applyGainBias(x, this.gain, this.bias, this.size, n, J);
  }

  private collect(n: number): number {
    return collectNonzero(this.value, n, this.active, this.activePtrs);
  }

  clearStats(): void {
    this.activitySum.fill(0);
    this.totals.fill(0);
  }
}

function expand(data: Float32Array | undefined, n: number, fallback: number): Float32Array {
  if (!data || data.length === 0) return new Float32Array(n).fill(fallback);
  if (data.length === 1) return new Float32Array(n).fill(data[0]);
  return data;
}

function asFloat32(a: Float64Array): Float32Array {
  return new Float32Array(a.buffer, a.byteOffset, 2 * a.length);
}

function sliceState(state: NeuronState, n: number): NeuronState {
  const out: NeuronState = {};
  for (const [k, v] of Object.entries(state)) out[k] = v.subarray(0, n);
  return out;
}
