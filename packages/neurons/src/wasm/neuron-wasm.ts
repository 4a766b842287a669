import { SnnError } from '@snn/ir';
import { FreeList } from './free-list.js';
import { neuronKernelsWasmBase64 } from './neuron-kernels.generated.js';

/** `lif_step(n, pJ, pOut, pV, pR, pScratch, dt, tauRc, tauRef, vMin, height, decay, series)`. */
export type WasmLifStep = (
  n: number, pJ: number, pOut: number, pV: number, pR: number, scratch: number,
  dt: number, tauRc: number, tauRef: number, vMin: number, height: number, decay: number, series: number,
) => number;
/** `srelu_step(n, pJ, pOut, pV, pScratch, dt, height)`. */
export type WasmSreluStep = (n: number, pJ: number, pOut: number, pV: number, scratch: number, dt: number, height: number) => number;

/** `srelu_step_f32(n, pJ, pOut, pV, pIdx, pVal, pScratch, dt, height)`: float32 step listing the nonzero outputs; returns how many. */
export type WasmSreluStepF32 = (
  n: number, pJ: number, pOut: number, pV: number, pIdx: number, pVal: number, scratch: number, dt: number, height: number,
) => number;

/** `if_step_f32(n, pJ, pOut, pV, pIdx, pVal, pScratch, dt, height, maxSpikes)`: `srelu_step_f32`'s arguments and the most spikes a step. */
export type WasmIfStepF32 = (
  n: number, pJ: number, pOut: number, pV: number, pIdx: number, pVal: number, scratch: number, dt: number, height: number, maxSpikes: number,
) => number;

/** `list_nonzero(n, pOut, pIdx, pVal, pScratch)`: the nonzero entries of a multiple of 8 floats, in order; returns how many. */
export type WasmListNonzero = (n: number, pOut: number, pIdx: number, pVal: number, scratch: number) => number;

/** The neuron kernels instantiated on one shared memory, with the allocator over that memory. */
export interface NeuronWasm {
  readonly memory: WebAssembly.Memory;
  /** The compiled module, for instantiating the same kernels in a worker on the same memory. */
  readonly module: WebAssembly.Module;
  /** The exact LIF kernel (bit-identical to `lifStep`). */
  readonly lifStep: WasmLifStep;
  /** The float32 LIF kernel (`lif_step_f32`: same arguments, common update in f32x4). */
  readonly lifStepF32: WasmLifStep;
  readonly sreluStep: WasmSreluStep;
  /** `srelu_step_f32`: float32 SpikingRectifiedLinear over a multiple of 8 neurons, listing the nonzero outputs. */
  readonly sreluStepF32: WasmSreluStepF32;
  /** `if_step_f32`: float32 IntegrateAndFire over a multiple of 8 neurons (`srelu_step_f32`'s arguments and the most spikes a step), listing the spikes. */
  readonly ifStepF32: WasmIfStepF32;
  /** `list_nonzero`: list the nonzero entries of a multiple of 8 floats (e.g. a LIF step's spikes). */
  readonly listNonzero: WasmListNonzero;
  /** Byte offset of `a` in the memory, or -1 when `a` is not a view on it. */
  offsetOf(a: ArrayBufferView): number;
  /** A zeroed, 16-byte aligned Float32Array of length n in the memory. */
  alloc(n: number): Float32Array;
  /** Release an array from {@link alloc}; false when `a` is not the start of a live block. */
  free(a: Float32Array): boolean;
  /** Byte offset of the calling thread's scratch area (32 KiB). */
  readonly scratch: number;
}

/** The maximum memory size in 64 KiB pages (2 GiB, so byte offsets stay below 2^31). */
export const MAX_PAGES = 32768;
const PAGE = 65536;
/** Size of the scratch area each thread passes to the kernels (see neuron-kernels.wat). */
export const SCRATCH_BYTES = 32768;
/** The calling thread's scratch area is at offset 0; the allocator starts above it. */
const RESERVED_BYTES = SCRATCH_BYTES;

let cached: NeuronWasm | null | undefined;

/**
 * The process-wide neuron kernels, created on first use; `undefined` where shared
 * WebAssembly memory or WebAssembly SIMD is unavailable (the JS kernels are used there).
 */
export function neuronWasm(): NeuronWasm | undefined {
  if (cached === undefined) cached = create();
  return cached ?? undefined;
}

/** The math functions the kernels import for their rare non-series cases. */
export const wasmMathImports = { expm1: Math.expm1, log1p: Math.log1p };

function decodeBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function create(): NeuronWasm | null {
  if (typeof WebAssembly !== 'object' || typeof SharedArrayBuffer !== 'function') return null;
  const bytes = decodeBase64(neuronKernelsWasmBase64);
  if (!WebAssembly.validate(bytes)) return null; // no SIMD or no threads
  let memory: WebAssembly.Memory;
  let module: WebAssembly.Module;
  let instance: WebAssembly.Instance;
  try {
    memory = new WebAssembly.Memory({ initial: 16, maximum: MAX_PAGES, shared: true });
    module = new WebAssembly.Module(bytes);
    instance = new WebAssembly.Instance(module, { env: { memory }, math: wasmMathImports });
  } catch {
    return null; // e.g. a page that is not cross-origin isolated
  }
  const exports = instance.exports as {
    lif_step: WasmLifStep; lif_step_f32: WasmLifStep; srelu_step: WasmSreluStep; srelu_step_f32: WasmSreluStepF32; if_step_f32: WasmIfStepF32; list_nonzero: WasmListNonzero;
  };
  // Views made before a grow keep the buffer object of their time: remember every one.
  const buffers: ArrayBufferLike[] = [memory.buffer];
  let current: ArrayBufferLike = memory.buffer;
  const heap = new FreeList(RESERVED_BYTES, memory.buffer.byteLength, (bytes) => {
    const pages = memory.buffer.byteLength / PAGE;
    const wanted = Math.max(Math.ceil(bytes / PAGE), pages); // at least double: few buffer objects
    const delta = Math.min(wanted, MAX_PAGES - pages);
    if (delta * PAGE < bytes) {
      throw new SnnError(
        'NEURON_OUT_OF_MEMORY',
        `allocNeuronArray: ${bytes} more bytes do not fit in the ${MAX_PAGES * PAGE} bytes of neuron memory; free unused arrays with freeNeuronArray.`,
      );
    }
    try {
      memory.grow(delta);
    } catch (cause) {
      throw new SnnError('NEURON_OUT_OF_MEMORY', `allocNeuronArray: could not grow neuron memory by ${delta * PAGE} bytes.`, { cause });
    }
    current = memory.buffer;
    buffers.push(current);
    return current.byteLength;
  });
  const offsetOf = (a: ArrayBufferView): number => {
    const buffer = a.buffer;
    if (buffer === current) return a.byteOffset;
    for (let k = 0; k < buffers.length; k++) if (buffers[k] === buffer) return a.byteOffset;
    return -1;
  };
  return {
    memory,
    module,
    lifStep: exports.lif_step,
    lifStepF32: exports.lif_step_f32,
    sreluStep: exports.srelu_step,
    sreluStepF32: exports.srelu_step_f32,
    ifStepF32: exports.if_step_f32,
    listNonzero: exports.list_nonzero,
    offsetOf,
    alloc: (n) => {
      const offset = heap.alloc(n * 4);
      return new Float32Array(current, offset, n).fill(0);
    },
    free: (a) => {
      const offset = offsetOf(a);
      return offset >= 0 && heap.sizeOf(offset) === Math.max(16, Math.ceil(a.byteLength / 16) * 16) && heap.free(offset);
    },
    scratch: 0,
  };
}
