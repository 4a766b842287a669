import { SnnError } from '@snn/ir';
import { neuronWasm } from './neuron-wasm.js';

/**
 * A zeroed Float32Array of `n` values in neuron memory: the shared WebAssembly memory the
 * SIMD step kernels and the worker threads of a `NeuronStepPool` work on (16-byte aligned).
 * Neuron states, input currents and outputs that live there are stepped without copies;
 * arrays elsewhere still work, through the JS kernels. Where shared WebAssembly memory or
 * SIMD is unavailable this is `new Float32Array(n)`. Note that `.buffer` is the whole
 * memory: use `byteOffset`/`byteLength` when reading the bytes. Release with
 * {@link freeNeuronArray} when done (the memory is reused, never returned to the system).
 */
export function allocNeuronArray(n: number): Float32Array {
  if (!Number.isInteger(n) || n < 0) {
    throw new SnnError('NEURON_BAD_LENGTH', `allocNeuronArray: length must be a non-negative integer, got ${n}.`);
  }
  const wasm = neuronWasm();
  return wasm === undefined ? new Float32Array(n) : wasm.alloc(n);
}

/**
 * Return an array from {@link allocNeuronArray} to neuron memory; it must not be used
 * afterwards. Arrays not in neuron memory are ignored. Throws `NEURON_BAD_FREE` for a view
 * into neuron memory that is not a live array from `allocNeuronArray` (e.g. a subarray, or
 * freeing twice).
 */
export function freeNeuronArray(a: Float32Array): void {
  const wasm = neuronWasm();
  if (wasm === undefined || wasm.offsetOf(a) < 0) return;
  if (!wasm.free(a)) {
    throw new SnnError(
      'NEURON_BAD_FREE',
      `freeNeuronArray: the array (byteOffset ${a.byteOffset}, length ${a.length}) is not a live array from allocNeuronArray; free each array once, whole.`,
    );
  }
}

/** True when `a` lives in neuron memory, so the WebAssembly kernels can step it in place. */
export function isNeuronArray(a: Float32Array): boolean {
  const wasm = neuronWasm();
  return wasm !== undefined && wasm.offsetOf(a) >= 0;
}
