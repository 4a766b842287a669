import * as tf from '@tensorflow/tfjs-core';
import { initBackend, type BackendOptions } from '@snn/sim';
import { registerTrainingGradients } from '../kernels/register-gradients.js';
import { registerTrainingKernels } from '../kernels/register-kernels.js';
import { startKernelThread } from '../kernels/threads/kernel-thread.js';

/**
 * Get tfjs ready to train: initialize the backend (`initBackend` from `@snn/sim`: the
 * WebAssembly backend with 2 threads by default), register snn's gradients and, on the
 * WebAssembly backend, snn's training kernels and the helper thread they split work with
 * (`KernelThread`, in Node when tfjs runs threaded). Safe to call more than once. Resolves to
 * the backend name.
 */
export async function initTraining(options: BackendOptions = {}): Promise<string> {
  const backend = await initBackend(options);
  registerTrainingGradients({ override: true });
  if (tf.getBackend() === 'wasm') {
    registerTrainingKernels({ override: true });
    await startKernelThread();
  }
  return backend;
}
