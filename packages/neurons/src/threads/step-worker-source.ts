/**
 * The control block a `NeuronStepPool` shares with each worker: 32 int32s in neuron memory,
 * then (from byte 64) float64 kernel parameters. The calling thread writes a job and bumps
 * SEQ; the worker runs it and sets DONE to the same number.
 */
export const Ctrl = {
  /** Job number posted by the calling thread. */
  SEQ: 0,
  /** Job number the worker finished. */
  DONE: 1,
  /** What to run: one of {@link JobKind}. */
  KIND: 2,
  N: 3,
  P_J: 4,
  P_OUT: 5,
  P_V: 6,
  P_R: 7,
  SERIES: 8,
  /** The kernel's return value (spike count). */
  RESULT: 9,
  /** Byte offset of the float64 parameters: dt, tauRc, tauRef, vMin, height, decay. */
  F64_BYTE_OFFSET: 64,
  /** Size of the whole block in bytes. */
  BYTES: 128,
} as const;

/** Job kinds of the control block. */
export const JobKind = { EXIT: 0, LIF: 1, SPIKING_RECTIFIED_LINEAR: 2, LIF_FLOAT32: 3 } as const;

/**
 * Source of the worker (CommonJS, run with `new Worker(source, { eval: true })`): it
 * instantiates the neuron kernels on the shared memory, reports 'ready', then loops: spin
 * briefly, else sleep, until a new job number appears; run it on its scratch area; publish.
 * workerData: `{ module, memory, ctrl, scratch, spinMicros }` (byte offsets into memory).
 */
export const STEP_WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { module, memory, ctrl: ctrlOffset, scratch, spinMicros } = workerData;
const { exports } = new WebAssembly.Instance(module, {
  env: { memory },
  math: { expm1: Math.expm1, log1p: Math.log1p },
});
const ctrl = new Int32Array(memory.buffer, ctrlOffset, 32);
const f = new Float64Array(memory.buffer, ctrlOffset + ${Ctrl.F64_BYTE_OFFSET}, 8);
let seen = Atomics.load(ctrl, ${Ctrl.SEQ});
parentPort.postMessage('ready');
for (;;) {
  let seq = Atomics.load(ctrl, ${Ctrl.SEQ});
  if (seq === seen) {
    const until = performance.now() + spinMicros / 1000;
    for (let k = 1; seq === seen; k++) {
      if ((k & 255) === 0 && performance.now() > until) {
        Atomics.wait(ctrl, ${Ctrl.SEQ}, seen);
      }
      seq = Atomics.load(ctrl, ${Ctrl.SEQ});
    }
  }
  seen = seq;
  const kind = ctrl[${Ctrl.KIND}];
  if (kind === ${JobKind.EXIT}) break;
  ctrl[${Ctrl.RESULT}] = kind === ${JobKind.LIF} || kind === ${JobKind.LIF_FLOAT32}
    ? (kind === ${JobKind.LIF} ? exports.lif_step : exports.lif_step_f32)(
        ctrl[${Ctrl.N}], ctrl[${Ctrl.P_J}], ctrl[${Ctrl.P_OUT}], ctrl[${Ctrl.P_V}], ctrl[${Ctrl.P_R}], scratch,
        f[0], f[1], f[2], f[3], f[4], f[5], ctrl[${Ctrl.SERIES}])
    : exports.srelu_step(ctrl[${Ctrl.N}], ctrl[${Ctrl.P_J}], ctrl[${Ctrl.P_OUT}], ctrl[${Ctrl.P_V}], scratch, f[0], f[4]);
  Atomics.store(ctrl, ${Ctrl.DONE}, seq);
  Atomics.notify(ctrl, ${Ctrl.DONE});
}
`;
