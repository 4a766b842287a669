import { allocNeuronArray, neuronWasm } from '@snn/neurons';
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
  /** `y = a * y + b * u` in place (a one-state filter, float32 arithmetic). */
  lowpass(n: number, pU: number, pY: number, a: number, b: number): void;
}

let cached: SimWasm | null | undefined;

/** The kernels, created on first use; undefined where `@snn/neurons` has no shared memory. */
export function simWasm(): SimWasm | undefined {
  if (cached === undefined) cached = create();
  return cached ?? undefined;
}

/** A Float32Array in the shared memory where there is one (else a plain array). */
export function allocKernelArray(n: number): Float32Array {
  return allocNeuronArray(n);
}

/** A copy of `data` in the shared memory where there is one. */
export function copyToKernelMemory(data: Float32Array): Float32Array {
  const copy = allocKernelArray(data.length);
  copy.set(data);
  return copy;
}

/** An Int32Array in the shared memory where there is one (else a plain array). */
export function allocKernelIndex(n: number): Int32Array {
  const f = allocNeuronArray(n);
  return new Int32Array(f.buffer, f.byteOffset, n);
}

function create(): SimWasm | null {
  const neurons = neuronWasm();
  if (!neurons) return null;
  try {
    const bytes = Uint8Array.from(atob(simKernelsWasmBase64), (ch) => ch.charCodeAt(0));
    const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory: neurons.memory } });
    const e = instance.exports as Record<string, (...args: number[]) => number>;
    return {
      offsetOf: (a) => neurons.offsetOf(a instanceof Float32Array ? a : new Float32Array(a.buffer, a.byteOffset, a.length)),
      collectActive: (n, pv, pi, po) => e.collect_active(n, pv, pi, po),
      scatterDense: (...args) => void e.scatter_dense(...args),
      scatterConv: (...args) => void e.scatter_conv(...args),
      gainBias: (...args) => void e.gain_bias(...args),
      lowpass: (...args) => void e.lowpass(...args),
    };
  } catch {
    return null;
  }
}
