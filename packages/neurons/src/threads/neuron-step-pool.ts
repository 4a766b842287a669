import { SnnError } from '@snn/ir';
import { EXPM1_SERIES_LIMIT } from '../kernels/small-series.js';
import { LIF } from '../neurons/lif.js';
import { SpikingRectifiedLinear } from '../neurons/spiking-rectified-linear.js';
import type { NeuronParams, NeuronState, NeuronType } from '../types.js';
import { lifStepAuto, type LifPrecision } from '../wasm/lif-step-auto.js';
import { neuronWasm, SCRATCH_BYTES, type NeuronWasm } from '../wasm/neuron-wasm.js';
import { Ctrl, JobKind, STEP_WORKER_SOURCE } from './step-worker-source.js';

/** Options of {@link createNeuronStepPool}. */
export interface NeuronStepPoolOptions {
  /** Threads to step on, the calling one included (default 2). 1: no worker. */
  readonly threads?: number;
  /** Populations smaller than this run on the calling thread only (default 32768). */
  readonly minParallel?: number;
  /**
   * How long (µs) a thread polls for the other's signal before it sleeps in `Atomics.wait`
   * (default 20). Polling answers within a microsecond where sleeping takes tens, but it keeps
   * a core busy: on a loaded machine long polls starve the other thread (1000 µs made a
   * 2-thread step 10-25x slower there).
   */
  readonly spinMicros?: number;
  /**
   * Arithmetic of LIF steps (see `LifPrecision`): 'float64' (default) is exact and
   * bit-identical to `LIF.step`; 'float32' runs the float32 SIMD kernel (2-3x as fast, as
   * NengoDL computes; spike trains differ from the exact ones by rounding only), also for
   * populations stepped on the calling thread. Results do not depend on the thread count
   * either way. Other neuron types are unaffected.
   */
  readonly precision?: LifPrecision;
}

/**
 * Steps neuron populations on several threads: LIF and SpikingRectifiedLinear populations of
 * at least `minParallel` neurons whose arrays live in neuron memory (`allocNeuronArray`) are
 * split into one slice per thread; the calling thread steps the first and waits at a barrier
 * for the workers. Everything else runs `type.step` on the calling thread. Results are the
 * same for any number of threads. Call {@link NeuronStepPool.close} when done.
 */
export interface NeuronStepPool {
  /** Threads that step a large population (1 where workers or shared memory are unavailable). */
  readonly threads: number;
  /** Populations smaller than this are stepped on the calling thread only. */
  readonly minParallel: number;
  /** Arithmetic of LIF steps ('float64' exact, or 'float32'). */
  readonly precision: LifPrecision;
  /** `type.step(dt, J, out, state, params)`, split across the threads where possible. */
  step(type: NeuronType, dt: number, J: Float32Array, out: Float32Array, state: NeuronState, params: NeuronParams): number;
  /** Stop the workers and release their memory; `step` throws NEURON_POOL_CLOSED afterwards. */
  close(): Promise<void>;
}

interface WorkerLike {
  on(event: 'message' | 'error' | 'exit', listener: (value: unknown) => void): unknown;
  unref(): void;
  terminate(): Promise<number>;
}

interface Lane {
  readonly worker: WorkerLike;
  readonly ctrl: Int32Array;
  readonly f64: Float64Array;
  readonly blocks: Float32Array[];
  seq: number;
}

/**
 * A {@link NeuronStepPool} with `threads - 1` Node worker threads that run the neuron
 * kernels on the same shared memory. In browsers, or without shared WebAssembly memory, the
 * pool steps on the calling thread only (`threads` is then 1).
 */
export async function createNeuronStepPool(options: NeuronStepPoolOptions = {}): Promise<NeuronStepPool> {
  const { threads = 2, minParallel = 32768, spinMicros = 20, precision = 'float64' } = options;
  if (!Number.isInteger(threads) || threads < 1) {
    throw new SnnError('NEURON_BAD_THREADS', `createNeuronStepPool: threads must be a positive integer, got ${threads}.`);
  }
  if (precision !== 'float64' && precision !== 'float32') {
    const got = String(precision);
    throw new SnnError('NEURON_BAD_PRECISION', `createNeuronStepPool: precision must be 'float64' or 'float32', got '${got}'.`);
  }
  const wasm = neuronWasm();
  const isNode = typeof process === 'object' && typeof process.versions?.node === 'string';
  if (wasm === undefined || threads === 1 || !isNode) return singleThreadPool(minParallel, precision);
  const workerThreads = 'node:worker_threads';
  const { Worker } = (await import(/* @vite-ignore */ workerThreads)) as typeof import('node:worker_threads');
  const lanes: Lane[] = [];
  try {
    for (let t = 1; t < threads; t++) lanes.push(await startLane(wasm, Worker, spinMicros));
  } catch (cause) {
    await Promise.all(lanes.map((lane) => stopLane(wasm, lane)));
    throw new SnnError('NEURON_POOL_START', `createNeuronStepPool: could not start a worker thread: ${String(cause)}`, { cause });
  }
  return new WorkerPool(wasm, lanes, minParallel, spinMicros, precision);
}

function singleThreadPool(minParallel: number, precision: LifPrecision): NeuronStepPool {
  let closed = false;
  return {
    threads: 1,
    minParallel,
    precision,
    step: (type, dt, J, out, state, params) => {
      if (closed) throw closedError();
      return stepHere(type, dt, J, out, state, params, precision);
    },
    close: async () => {
      closed = true;
    },
  };
}

/** `type.step` on the calling thread, through the float32 LIF kernel where asked for. */
function stepHere(
  type: NeuronType, dt: number, J: Float32Array, out: Float32Array, state: NeuronState, params: NeuronParams, precision: LifPrecision,
): number {
  if (precision === 'float32' && type.step === LIF.step) {
    const { tauRc, tauRef, minVoltage, amplitude } = params;
    return lifStepAuto(dt, J, out, state.voltage, state.refractoryTime, tauRc, tauRef, minVoltage, amplitude, { precision });
  }
  return type.step(dt, J, out, state, params);
}

function closedError(): SnnError {
  return new SnnError('NEURON_POOL_CLOSED', 'NeuronStepPool.step: the pool is closed; create a new one with createNeuronStepPool.');
}

async function startLane(wasm: NeuronWasm, Worker: typeof import('node:worker_threads').Worker, spinMicros: number): Promise<Lane> {
  const block = wasm.alloc(Ctrl.BYTES / 4);
  const scratch = wasm.alloc(SCRATCH_BYTES / 4);
  const ctrl = new Int32Array(block.buffer, block.byteOffset, 32);
  const f64 = new Float64Array(block.buffer, block.byteOffset + Ctrl.F64_BYTE_OFFSET, 8);
  const workerData = { module: wasm.module, memory: wasm.memory, ctrl: block.byteOffset, scratch: scratch.byteOffset, spinMicros };
  const worker = new Worker(STEP_WORKER_SOURCE, { eval: true, workerData }) as unknown as WorkerLike;
  const lane: Lane = { worker, ctrl, f64, blocks: [block, scratch], seq: 0 };
  await new Promise<void>((resolve, reject) => {
    worker.on('message', () => resolve());
    worker.on('error', (e) => reject(e));
    worker.on('exit', (code) => reject(new Error(`worker exited with code ${String(code)}`)));
  });
  worker.unref(); // a forgotten close() must not keep Node running
  return lane;
}

async function stopLane(wasm: NeuronWasm, lane: Lane): Promise<void> {
  lane.ctrl[Ctrl.KIND] = JobKind.EXIT;
  Atomics.store(lane.ctrl, Ctrl.SEQ, ++lane.seq);
  Atomics.notify(lane.ctrl, Ctrl.SEQ);
  await lane.worker.terminate();
  for (const block of lane.blocks) wasm.free(block);
}

class WorkerPool implements NeuronStepPool {
  readonly threads: number;
  private closed = false;
  /** The kernel's float64 parameters (dt, tauRc, tauRef, vMin, height, decay), reused per step. */
  private readonly f = new Float64Array(6);

  constructor(
    private readonly wasm: NeuronWasm,
    private readonly lanes: Lane[],
    readonly minParallel: number,
    private readonly spinMicros: number,
    readonly precision: LifPrecision,
  ) {
    this.threads = lanes.length + 1;
  }

  step(type: NeuronType, dt: number, J: Float32Array, out: Float32Array, state: NeuronState, params: NeuronParams): number {
    if (this.closed) throw closedError();
    const n = J.length;
    const isLif = type.step === LIF.step;
    const float32 = isLif && this.precision === 'float32';
    const kind = isLif
      ? float32 ? JobKind.LIF_FLOAT32 : JobKind.LIF
      : type.step === SpikingRectifiedLinear.step ? JobKind.SPIKING_RECTIFIED_LINEAR : -1;
    if (kind < 0 || n < this.minParallel) return stepHere(type, dt, J, out, state, params, this.precision);
    const { wasm } = this;
    const v = state.voltage;
    const r = isLif ? state.refractoryTime : v;
    const pJ = wasm.offsetOf(J);
    const pOut = wasm.offsetOf(out);
    const pV = wasm.offsetOf(v);
    const pR = wasm.offsetOf(r);
    if (pJ < 0 || pOut < 0 || pV < 0 || pR < 0 || out.length < n || v.length < n || r.length < n) {
      return stepHere(type, dt, J, out, state, params, this.precision);
    }
    const f = this.f;
    f[0] = dt;
    f[1] = isLif ? params.tauRc : 0;
    f[2] = isLif ? params.tauRef : 0;
    f[3] = isLif ? params.minVoltage : 0;
    f[4] = params.amplitude / dt;
    f[5] = isLif ? Math.expm1(-dt / params.tauRc) : 0;
    const series = isLif && dt / params.tauRc <= EXPM1_SERIES_LIMIT ? 1 : 0;
    const chunk = Math.ceil(n / this.threads / 4) * 4;
    let posted = 0;
    for (const lane of this.lanes) {
      const start = (posted + 1) * chunk;
      if (start >= n) break;
      const c = lane.ctrl;
      c[Ctrl.KIND] = kind;
      c[Ctrl.N] = Math.min(chunk, n - start);
      c[Ctrl.P_J] = pJ + 4 * start;
      c[Ctrl.P_OUT] = pOut + 4 * start;
      c[Ctrl.P_V] = pV + 4 * start;
      c[Ctrl.P_R] = pR + 4 * start;
      c[Ctrl.SERIES] = series;
      lane.f64.set(f);
      Atomics.store(c, Ctrl.SEQ, ++lane.seq);
      Atomics.notify(c, Ctrl.SEQ);
      posted++;
    }
    const mine = Math.min(chunk, n);
    let spikes =
      isLif
        ? (float32 ? wasm.lifStepF32 : wasm.lifStep)(mine, pJ, pOut, pV, pR, wasm.scratch, f[0], f[1], f[2], f[3], f[4], f[5], series)
        : wasm.sreluStep(mine, pJ, pOut, pV, wasm.scratch, f[0], f[4]);
    for (let k = 0; k < posted; k++) spikes += this.await(this.lanes[k]);
    return spikes;
  }

  /** Wait (polling, then sleeping) until the lane's worker finished its job; its result. */
  private await(lane: Lane): number {
    const c = lane.ctrl;
    let done = Atomics.load(c, Ctrl.DONE);
    if (done !== lane.seq) {
      const until = performance.now() + this.spinMicros / 1000;
      for (let k = 1; done !== lane.seq; k++) {
        if ((k & 255) === 0 && performance.now() > until) Atomics.wait(c, Ctrl.DONE, done, 1000);
        done = Atomics.load(c, Ctrl.DONE);
      }
    }
    return c[Ctrl.RESULT];
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all(this.lanes.map((lane) => stopLane(this.wasm, lane)));
  }
}
