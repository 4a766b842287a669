import { allocNeuronArray, freeNeuronArray, neuronWasm } from '@snn/neurons';
import { simKernelsWasmBase64 } from './sim-kernels.generated.js';

/** The simulator's WebAssembly SIMD kernels, on the shared neuron memory of `@snn/neurons`. */
export interface SimWasm {
  /** Byte offset of `a` in the shared memory, or -1 when it is elsewhere (then use the JS kernels). */
  offsetOf(a: Float32Array | Int32Array): number;
  collectActive(n: number, pValues: number, pIndex: number, pValue: number): number;
  scatterDense(nActive: number, pIndex: number, pValue: number, pWeights: number, nIn: number, nOut: number, pOut: number): void;
  scatterConv(
    nActive: number, pIndex: number, pValue: number, pKernel: number, pOut: number, pRows: number, pCols: number,
    h: number, w: number, c: number, outH: number, outW: number, outC: number, rowStride: number, colStride: number,
  ): void;
  /** `J = gain * x + bias` per sample (n = batch * size). */
  gainBias(n: number, size: number, pX: number, pGain: number, pBias: number, pJ: number): void;
  /** `out += bias` per sample (n = batch * size). */
  addBias(n: number, size: number, pOut: number, pBias: number): void;
  /**
   * A step's active entries into the run totals: `sum[i % size] += v * toSpikes` (float64
   * `sum`), and the step's spikes and synaptic operations added to the two float64 at `pTotals`.
   */
  accumulateActive(count: number, pIndex: number, pValue: number, size: number, toSpikes: number, pFanOut: number, pSum: number, pTotals: number): void;
  /** `y = a * y + b * u` in place (a one-state filter, float32 arithmetic); zeroes `u` as it reads it. */
  lowpass(n: number, pU: number, pY: number, a: number, b: number): void;
  /**
   * `J[i] = gain[i % size] * (z[i] + t[i % m]) + bias[i % size]` for `n` values: a population's
   * current straight from a filtered transform's state `z` and bias `t` (m % 4 === 0, size % m === 0);
   * with `pU >= 0` after the transform's lowpass step `z = a z + b u` (u zeroed), else `a`, `b` unused.
   */
  filteredCurrents(n: number, size: number, m: number, pZ: number, pU: number, a: number, b: number, pT: number, pGain: number, pBias: number, pJ: number): void;
  /**
   * Move the neurons not at rest (not `J <= jMax` with `vLo <= v < vHi`) to the front of `J`
   * and `v` in place, in order, writing their old indices to `map`; returns how many moved.
   */
  packResting(n: number, pJ: number, pV: number, jMax: number, vLo: number, vHi: number, pMap: number): number;
  /** `idx[k] = map[idx[k]]; value[idx[k]] = val[k]` for `count` list entries. */
  unpackSpikes(count: number, pIdx: number, pVal: number, pMap: number, pValue: number): void;
  /** `value[idx[k]] = 0` for `count` list entries. */
  clearListed(count: number, pIdx: number, pValue: number): void;
}

let cached: SimWasm | null | undefined;

/** The kernels, created on first use; undefined where `@snn/neurons` has no shared memory. */
export function simWasm(): SimWasm | undefined {
  if (cached === undefined) cached = create();
  return cached ?? undefined;
}

/**
 * The arrays one compiled plan keeps in the shared kernel memory (plain arrays where there
 * is none), released together by {@link KernelArena.free} when the plan is disposed: the
 * memory is reused by later plans instead of growing with every compile.
 */
export class KernelArena {
  private readonly owned: Float32Array[] = [];

  /** A zeroed Float32Array of length n. */
  array(n: number): Float32Array {
    const a = allocNeuronArray(n);
    this.owned.push(a);
    return a;
  }

  /** A zeroed Float64Array of length n (a view on a Float32Array of the arena; 8-byte aligned). */
  float64(n: number): Float64Array {
    const a = this.array(2 * n + 1);
    const skip = a.byteOffset % 8 === 0 ? 0 : 4;
    return new Float64Array(a.buffer, a.byteOffset + skip, n);
  }

  /** A zeroed Int32Array of length n (a view on a Float32Array of the arena). */
  index(n: number): Int32Array {
    const a = this.array(n);
    return new Int32Array(a.buffer, a.byteOffset, n);
  }

  /** A copy of `data`. */
  copy(data: Float32Array): Float32Array {
    const a = this.array(data.length);
    a.set(data);
    return a;
  }

  /** Take over an array allocated elsewhere in neuron memory (e.g. a neuron type's initial state). */
  adopt(a: Float32Array): void {
    this.owned.push(a);
  }

  /** Release every array; none may be used afterwards. */
  free(): void {
    for (const a of this.owned) freeNeuronArray(a);
    this.owned.length = 0;
  }
}

function create(): SimWasm | null {
  const neurons = neuronWasm();
  if (!neurons) return null;
  try {
    const bytes = Uint8Array.from(atob(simKernelsWasmBase64), (ch) => ch.charCodeAt(0));
    const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory: neurons.memory } });
    const e = instance.exports as Record<string, (...args: number[]) => number>;
    const patterns = compressPatterns();
    return {
      offsetOf: (a) => neurons.offsetOf(a),
      collectActive: (n, pv, pi, po) => e.collect_active(n, pv, pi, po),
      scatterDense: (...args) => void e.scatter_dense(...args),
      scatterConv: (...args) => void e.scatter_conv(...args),
      gainBias: (...args) => void e.gain_bias(...args),
      addBias: (...args) => void e.add_bias(...args),
      accumulateActive: (...args) => void e.accumulate_active(...args),
      lowpass: (...args) => void e.lowpass(...args),
      filteredCurrents: (...args) => void e.filtered_currents(...args),
      packResting: (...args) => e.pack_resting(...args, patterns),
      unpackSpikes: (...args) => void e.unpack_spikes(...args),
      clearListed: (...args) => void e.clear_listed(...args),
    };
  } catch {
    return null;
  }
}

/**
 * pack_resting's swizzle patterns in neuron memory (kept for the process): for each 4-bit mask
 * of moving lanes, the byte indices of those lanes' floats, in order, then zeros.
 */
function compressPatterns(): number {
  const table = allocNeuronArray(64);
  const bytes = new Uint8Array(table.buffer, table.byteOffset, 256);
  for (let m = 0; m < 16; m++) {
    let at = 16 * m;
    for (let lane = 0; lane < 4; lane++) if (m & (1 << lane)) for (let k = 0; k < 4; k++) bytes[at++] = 4 * lane + k;
  }
  return neuronWasm()!.offsetOf(table);
}
