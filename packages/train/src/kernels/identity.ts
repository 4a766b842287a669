import { Identity } from '@tensorflow/tfjs-core';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { asWasm } from './wasm-access.js';

/**
 * Identity that shares the input's memory (reference-counted, as tfjs's CPU backend does)
 * instead of copying it. tfjs clones every tensor it keeps for the backward pass, so the
 * copying wasm kernel costs one pass over every activation per training step. Safe because
 * tfjs never writes into an existing tensor's memory.
 */
export const identity: KernelFunc = ({ inputs, backend }) => {
  const wasm = asWasm(backend, Identity);
  const { x } = inputs as { x: TensorInfo };
  wasm.incRef(x.dataId);
  return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
};

/** Registration record for {@link identity}. */
export const identityConfig: KernelConfig = { kernelName: Identity, backendName: 'wasm', kernelFunc: identity };
