import { SnnError } from '@snn/ir';
import { getThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs-core';
import type { WasmBackend } from '../wasm-access.js';
import { backendMemory, trainWasm, type TrainWasm } from '../wasm/train-wasm.js';
import { kernelTaskNames, kernelTasks, type KernelTaskName, type NextChunk } from './kernel-tasks.js';
import { ARGS_BYTE, CONTROL, CONTROL_BYTES, MAX_ARGS } from './protocol.js';

/** Longest wait for the helper to finish a task before it is given up as stuck. */
const STUCK_MS = 60_000;

/**
 * A second thread for snn's own training kernels (XNNPACK's calls already use tfjs's thread
 * pool; ours ran on one thread). In Node, when tfjs runs threaded on shared memory, a worker
 * thread instantiates the same kernels on that memory and takes one task at a time through a
 * shared control block (posted and awaited with Atomics, no messages). It starts in the
 * background on first use; until it is ready, or where there is none (browsers, one thread),
 * the calling thread runs every task itself. Callers split work into parts whose results do
 * not depend on which thread computes them, so the numbers are the same either way.
 */
export class KernelThread {
  private readonly ctl: Int32Array;
  private readonly args: Float64Array;
  private busy = false;
  private dead = false;
  private seq = 0;
  /** Resolves to whether the helper started (false: every task runs on the calling thread). */
  readonly started: Promise<boolean>;
  /** Send tasks to the helper when it is ready (default); false keeps them all here, e.g. to compare. */
  useHelper = true;
  /** Tasks the helper has run. */
  helperTasks = 0;
  /** The current task's chunk source, shared with the helper (see {@link runParts}). */
  readonly nextChunk: NextChunk = () => Atomics.add(this.ctl, CONTROL.NEXT_CHUNK, 1);

  /** Start a task's chunks from the first (before it is forked). */
  resetChunks(): void {
    Atomics.store(this.ctl, CONTROL.NEXT_CHUNK, 0);
  }

  constructor(
    private readonly memory: WebAssembly.Memory,
    private readonly simd: TrainWasm,
  ) {
    // a page that is not cross-origin isolated has no SharedArrayBuffer (and no helper)
    const control = typeof SharedArrayBuffer === 'function' ? new SharedArrayBuffer(CONTROL_BYTES) : new ArrayBuffer(CONTROL_BYTES);
    this.ctl = new Int32Array(control, 0, ARGS_BYTE / 4);
    this.args = new Float64Array(control, ARGS_BYTE, MAX_ARGS);
    this.started = this.start(control).catch(() => {
      this.dead = true; // no helper: every task runs on the calling thread
      return false;
    });
  }

  /** Whether tasks go to the helper (it started and has not failed). */
  get ready(): boolean {
    return !this.dead && Atomics.load(this.ctl, CONTROL.READY) === 1;
  }

  /**
   * Start `task` on the helper when it is ready and idle; the returned function waits for it.
   * Otherwise the task runs when that function is called, on the calling thread.
   */
  fork(task: KernelTaskName, args: readonly number[]): () => void {
    if (args.length > MAX_ARGS) throw new SnnError('TRAIN_INTERNAL', `kernel task ${task}: ${args.length} arguments, at most ${MAX_ARGS}`);
    if (this.busy || !this.useHelper || !this.ready) return () => kernelTasks[task](this.simd, this.memory, args, this.nextChunk);
    this.busy = true;
    this.helperTasks++;
    this.args.set(args);
    Atomics.store(this.ctl, CONTROL.TASK, kernelTaskNames.indexOf(task));
    Atomics.store(this.ctl, CONTROL.ARG_COUNT, args.length);
    const seq = ++this.seq;
    Atomics.store(this.ctl, CONTROL.REQUEST, seq);
    Atomics.notify(this.ctl, CONTROL.REQUEST);
    return () => this.join(task, seq);
  }

  private join(task: KernelTaskName, seq: number): void {
    const deadline = performance.now() + STUCK_MS;
    for (let done = Atomics.load(this.ctl, CONTROL.DONE); done !== seq; done = Atomics.load(this.ctl, CONTROL.DONE)) {
      if (performance.now() > deadline) {
        this.dead = true;
        throw new SnnError('TRAIN_KERNEL_THREAD', `kernel task ${task}: the helper thread did not finish in ${STUCK_MS / 1000} s; it is no longer used`);
      }
      Atomics.wait(this.ctl, CONTROL.DONE, done, 1000);
    }
    this.busy = false;
    if (Atomics.load(this.ctl, CONTROL.FAILED) === 1) {
      this.dead = true;
      throw new SnnError('TRAIN_KERNEL_THREAD', `kernel task ${task} failed on the helper thread; it is no longer used`);
    }
  }

  private async start(control: ArrayBufferLike): Promise<boolean> {
    const shared = typeof SharedArrayBuffer === 'function' && control instanceof SharedArrayBuffer && this.memory.buffer instanceof SharedArrayBuffer;
    if (!shared || getThreadsCount() < 2) throw new Error('not threaded');
    // Node-only modules through variable specifiers, so browser bundlers leave them alone
    const [workerThreads, simNode] = ['node:worker_threads', '@snn/sim/node'];
    const { Worker } = (await import(/* @vite-ignore */ workerThreads)) as typeof import('node:worker_threads');
    const { builtWorkerUrl } = (await import(/* @vite-ignore */ simNode)) as typeof import('@snn/sim/node');
    const worker = new Worker(builtWorkerUrl(import.meta.url, 'kernel-thread-worker.js', 'kernels/threads'), { execArgv: [] });
    worker.unref(); // the process may exit while the helper waits for work
    const started = new Promise<boolean>((resolve) => {
      const stopped = (): void => {
        this.dead = true;
        resolve(false);
      };
      worker.once('message', () => resolve(true));
      worker.on('error', stopped);
      worker.on('exit', stopped);
    });
    worker.postMessage({ memory: this.memory, control });
    return started;
  }
}

const threads = new WeakMap<WebAssembly.Memory, KernelThread>();

/**
 * Start the kernel thread of the current tfjs backend (when it is tfjs's threaded WebAssembly
 * backend, in Node) and wait until its helper is ready or has failed: kernels that ran before
 * would keep to one thread while the main thread computes without yielding. Resolves to
 * whether tasks will go to a helper.
 */
export async function startKernelThread(): Promise<boolean> {
  const backend = tf.backend() as unknown as Partial<WasmBackend>;
  if (tf.getBackend() !== 'wasm' || !backend.wasm) return false;
  const memory = backendMemory(backend as WasmBackend);
  const simd = trainWasm(backend as WasmBackend);
  return memory && simd ? kernelThread(memory, simd).started : false;
}

/** The kernel thread of tfjs's memory `memory` (started on first call). */
export function kernelThread(memory: WebAssembly.Memory, simd: TrainWasm): KernelThread {
  let t = threads.get(memory);
  if (!t) threads.set(memory, (t = new KernelThread(memory, simd)));
  return t;
}

/**
 * Run a kernel's parts of work: the first on the calling thread and the second (when there is
 * one) on the helper of `memory`'s kernel thread when it is ready, else after the first;
 * returns when both are done. Tasks split into chunks share one chunk source: each thread takes
 * chunks until none is left, so a helper that wakes late or runs slower takes fewer (with the
 * arguments of its part, e.g. its own scratch).
 */
export function runParts(memory: WebAssembly.Memory, simd: TrainWasm, task: KernelTaskName, parts: ReadonlyArray<readonly number[]>): void {
  if (parts.length === 1) {
    let next = 0;
    kernelTasks[task](simd, memory, parts[0], () => next++);
    return;
  }
  const thread = kernelThread(memory, simd);
  thread.resetChunks();
  const join = thread.fork(task, parts[1]);
  kernelTasks[task](simd, memory, parts[0], thread.nextChunk);
  join();
}

/**
 * Images [0, batch) as the two parts of a kernel's work: the first and second half, split at a
 * multiple of `multiple` (blocks of images kept whole); one part when the second would be empty.
 */
export function imageHalves(batch: number, multiple = 1): Array<readonly [number, number]> {
  const split = Math.min(batch, Math.ceil(Math.ceil(batch / multiple) / 2) * multiple);
  return split < batch ? [[0, split], [split, batch]] : [[0, batch]];
}
