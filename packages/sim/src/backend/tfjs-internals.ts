import { version_core } from '@tensorflow/tfjs-core';
import { version_wasm } from '@tensorflow/tfjs-backend-wasm';
import { SnnError } from '@snn/ir';

/**
 * The tfjs release line whose private parts snn relies on: the WebAssembly backend's
 * `dataIdMap`, `wasm.tfjs.registerTensor` and heap (zero-copy tensors for snn's training
 * kernels, `@snn/train`), its `wasm-out/*` threaded build and `WASM_HAS_MULTITHREAD_SUPPORT`
 * flag (XNNPACK threads in Node, `initBackend`) and AdamOptimizer's accumulators (checkpoints).
 */
export const TFJS_INTERNALS_VERSION = '4.22';

/**
 * Throw `SIM_TFJS_VERSION` unless @tensorflow/tfjs-core and @tensorflow/tfjs-backend-wasm are
 * both of the release line snn was written for ({@link TFJS_INTERNALS_VERSION}.x): with another
 * one, private fields may have moved and kernels would read the wrong memory. `what` names
 * the caller in the message. Pass the versions to check others (tests).
 */
export function checkTfjsInternals(what: string, versions: { core: string; wasm: string } = { core: version_core, wasm: version_wasm }): void {
  const fits = (v: string) => v === TFJS_INTERNALS_VERSION || v.startsWith(`${TFJS_INTERNALS_VERSION}.`);
  if (fits(versions.core) && fits(versions.wasm)) return;
  throw new SnnError(
    'SIM_TFJS_VERSION',
    `${what} uses private parts of tfjs ${TFJS_INTERNALS_VERSION}.x, but @tensorflow/tfjs-core is ${versions.core} and @tensorflow/tfjs-backend-wasm is ${versions.wasm}; ` +
      `install @tensorflow/tfjs-core@${TFJS_INTERNALS_VERSION} and @tensorflow/tfjs-backend-wasm@${TFJS_INTERNALS_VERSION} (the versions snn pins)`,
    { where: what },
  );
}
