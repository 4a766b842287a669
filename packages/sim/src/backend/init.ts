import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';

/** Options for {@link initBackend}. */
export interface BackendOptions {
  /** Backend name: `wasm` (default, SIMD) or `cpu` (tfjs's plain JS backend, for baselines). */
  readonly backend?: 'wasm' | 'cpu';
  /** Worker threads for the WebAssembly backend where they can be enabled (default 2 in Node). */
  readonly threads?: number;
}

let ready: Promise<string> | undefined;

/**
 * Select and initialize the tfjs backend snn runs its linear transforms on. Safe to call
 * many times; the first call decides. Resolves to the backend name in use.
 */
export function initBackend(options: BackendOptions = {}): Promise<string> {
  ready ??= (async () => {
    const name = options.backend ?? 'wasm';
    const ok = await tf.setBackend(name);
    if (!ok) throw new Error(`tfjs backend '${name}' could not be initialized`);
    await tf.ready();
    return tf.getBackend();
  })();
  return ready;
}
