import { env } from '@tensorflow/tfjs-core';
import { setThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import { makePthreadWorkerClass } from './pthread-worker-shim.js';
import { checkTfjsInternals } from './tfjs-internals.js';

/** Node globals swapped while the threaded WebAssembly module initializes. */
export interface NodeThreadsPatch {
  /** Rejects if a worker thread fails to boot (the caller then falls back to one thread). */
  readonly failed: Promise<never>;
  /** Restore `globalThis.Worker` and `os.cpus`; call once initialization settled. */
  undo(): void;
}

const GLUE = '@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.js';
const WORKER = '@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.worker.js';

/** Node built-ins loaded through a variable specifier, so browser bundlers leave them alone. */
async function nodeModule<T>(name: string): Promise<T> {
  return (await import(/* @vite-ignore */ name)) as T;
}

/** Cores this Node process may use (`os.availableParallelism()`). */
export async function nodeCores(): Promise<number> {
  const os = (await nodeModule<{ default: typeof import('node:os') }>('node:os')).default;
  return Math.max(1, os.availableParallelism());
}

/**
 * Prepare Node so that `tf.setBackend('wasm')` loads tfjs's threaded SIMD build with `threads`
 * XNNPACK threads. tfjs-backend-wasm 4.22 turns threads off in Node (its
 * `WASM_HAS_MULTITHREAD_SUPPORT` flag is false there) because emscripten's pthread workers
 * are created from Blob URLs. This sets the flag, installs a `Worker` class built on
 * `worker_threads` (see {@link makePthreadWorkerClass}) for the duration of the
 * initialization, and reports `2 * threads` logical cores while the module's constructors run,
 * since tfjs caps its thread pool at half the logical cores (assuming hyper-threading).
 * Throws, with nothing patched, when Node lacks what threads need.
 */
export async function patchNodeForWasmThreads(threads: number): Promise<NodeThreadsPatch> {
  checkTfjsInternals('WebAssembly threads in Node (initBackend)');
  if (typeof SharedArrayBuffer !== 'function') throw new Error('SharedArrayBuffer is not available');
  const workerThreads = await nodeModule<typeof import('node:worker_threads')>('node:worker_threads');
  const events = await nodeModule<typeof import('node:events')>('node:events');
  const { createRequire } = await nodeModule<typeof import('node:module')>('node:module');
  const os = (await nodeModule<{ default: typeof import('node:os') }>('node:os')).default;
  const require = createRequire(import.meta.url);
  const gluePath = require.resolve(GLUE);
  const source = (require(WORKER) as { wasmWorkerContents?: unknown }).wasmWorkerContents;
  if (typeof source !== 'string') throw new Error(`${WORKER} does not export wasmWorkerContents`);

  let fail: (error: Error) => void = () => {};
  const failed = new Promise<never>((_, reject) => {
    fail = reject;
  });
  failed.catch(() => {}); // observed by the caller's race; never an unhandled rejection
  const PthreadWorker = makePthreadWorkerClass({
    NodeWorker: workerThreads.Worker,
    EventEmitter: events.EventEmitter,
    // The string holds escape sequences that must stay escaped when evaluated as code.
    workerSource: source.replace(/\n/g, '\\n'),
    gluePath,
    spares: threads - 1,
    onBootError: (error) => fail(error),
  });

  const workerDescriptor = Object.getOwnPropertyDescriptor(globalThis, 'Worker');
  // Emscripten assigns `globalThis.Worker = worker_threads.Worker` when it starts; keep ours.
  Object.defineProperty(globalThis, 'Worker', { configurable: true, get: () => PthreadWorker, set: () => {} });
  const cpus = os.cpus;
  const logical = cpus.call(os);
  os.cpus = () => Array.from({ length: 2 * threads }, (_, i) => logical[i % Math.max(1, logical.length)]);
  env().set('WASM_HAS_MULTITHREAD_SUPPORT', true);
  setThreadsCount(threads);

  return {
    failed,
    undo() {
      os.cpus = cpus;
      if (workerDescriptor) Object.defineProperty(globalThis, 'Worker', workerDescriptor);
      else delete (globalThis as { Worker?: unknown }).Worker;
    },
  };
}
