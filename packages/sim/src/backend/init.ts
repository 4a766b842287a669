import * as tf from '@tensorflow/tfjs-core';
import { getThreadsCount, setThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import { SnnError } from '@snn/ir';
import { nodeCores, patchNodeForWasmThreads } from './node-wasm-threads.js';

/** Options for {@link initBackend}. */
export interface BackendOptions {
  /** Backend name: `wasm` (default, SIMD) or `cpu` (tfjs's plain JS backend, for baselines). */
  readonly backend?: 'wasm' | 'cpu';
  /**
   * Threads for the WebAssembly backend (default 2, at most the cores Node reports; 1 = the
   * single-threaded SIMD build). In Node the threaded build is enabled through a
   * `worker_threads` shim; where that fails, snn prints one note and uses one thread.
   */
  readonly threads?: number;
}

/** Longest wait for the threaded module (and its worker threads) before falling back. */
const THREADED_INIT_TIMEOUT_MS = 30_000;

let ready: Promise<string> | undefined;

/**
 * Select and initialize the tfjs backend snn runs its linear transforms on. Safe to call
 * many times; the first successful call decides. Resolves to the backend name in use.
 */
export function initBackend(options: BackendOptions = {}): Promise<string> {
  ready ??= start(options).catch((error: unknown) => {
    ready = undefined;
    throw error;
  });
  return ready;
}

/** XNNPACK threads the WebAssembly backend runs with (1 before it is initialized or if not threaded). */
export function wasmThreadsInUse(): number {
  return tf.findBackend('wasm') ? Math.max(1, getThreadsCount()) : 1;
}

async function start(options: BackendOptions): Promise<string> {
  const name = options.backend ?? 'wasm';
  if (!(name in tf.engine().registryFactory)) {
    throw new SnnError(
      'BACKEND_UNAVAILABLE',
      `tfjs backend '${name}' is not registered; import '@tensorflow/tfjs-backend-${name}' before initBackend({ backend: '${name}' })`,
      { where: 'initBackend' },
    );
  }
  const threads = await requestedThreads(options.threads);
  if (name === 'wasm' && !tf.findBackend('wasm')) await initWasm(threads);
  if (!(await tf.setBackend(name))) {
    throw new SnnError('BACKEND_INIT_FAILED', `tfjs backend '${name}' could not be initialized (see the warning above)`, {
      where: 'initBackend',
    });
  }
  await tf.ready();
  return tf.getBackend();
}

async function requestedThreads(threads: number | undefined): Promise<number> {
  if (threads === undefined) return Math.min(2, isNode() ? await nodeCores() : browserCores());
  if (!Number.isInteger(threads) || threads < 1 || threads > 8) {
    throw new SnnError('BACKEND_THREADS_INVALID', `threads must be an integer from 1 to 8 (tfjs's limit); got ${threads}`, {
      where: 'initBackend.threads',
    });
  }
  return threads;
}

function browserCores(): number {
  const nav = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator;
  return Math.max(1, nav?.hardwareConcurrency ?? 1);
}

function isNode(): boolean {
  const proc = (globalThis as { process?: { versions?: { node?: string } } }).process;
  return typeof proc?.versions?.node === 'string';
}

/** Initialize the wasm backend, with `threads` threads where possible, else one. */
async function initWasm(threads: number): Promise<void> {
  if (threads === 1) {
    setThreadsCount(1);
    return;
  }
  if (!isNode()) {
    setThreadsCount(threads); // browsers: tfjs enables threads when the page is cross-origin isolated
    return;
  }
  let reason: string;
  try {
    reason = await initNodeThreaded(threads);
  } catch (error) {
    reason = error instanceof Error ? error.message : String(error);
  }
  if (reason === '') return;
  console.warn(`snn: WebAssembly threads unavailable (${reason}); using single-threaded SIMD`);
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  setThreadsCount(1);
}

/** Try the threaded build in Node; resolves to '' on success, else the reason it failed. */
async function initNodeThreaded(threads: number): Promise<string> {
  const patch = await patchNodeForWasmThreads(threads);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`threaded init took over ${THREADED_INIT_TIMEOUT_MS} ms`)), THREADED_INIT_TIMEOUT_MS);
  });
  try {
    const ok = await Promise.race([tf.setBackend('wasm'), patch.failed, timeout]);
    if (!ok) return 'tfjs could not initialize its threaded build';
  } finally {
    clearTimeout(timer);
    patch.undo();
  }
  const got = getThreadsCount();
  if (got !== threads) console.warn(`snn: asked for ${threads} WebAssembly threads, tfjs runs ${got}`);
  return '';
}
