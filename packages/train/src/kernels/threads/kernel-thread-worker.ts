import { parentPort } from 'node:worker_threads';
import { createTrainWasm } from '../wasm/train-wasm.js';
import { kernelTaskNames, kernelTasks } from './kernel-tasks.js';
import { ARGS_BYTE, CONTROL, MAX_ARGS } from './protocol.js';

/**
 * The helper thread of a `KernelThread`: instantiates snn's training kernels on tfjs's shared
 * memory, then runs each task the main thread posts in the control block and marks it done.
 * It waits on the control block (no event loop), so the main thread can block on it too.
 */
parentPort!.once('message', ({ memory, control }: { memory: WebAssembly.Memory; control: SharedArrayBuffer }) => {
  const simd = createTrainWasm(memory);
  if (!simd) return; // never ready: the main thread keeps every task
  const ctl = new Int32Array(control, 0, ARGS_BYTE / 4);
  const args = new Float64Array(control, ARGS_BYTE, MAX_ARGS);
  Atomics.store(ctl, CONTROL.READY, 1);
  parentPort!.postMessage('ready');
  const nextChunk = (): number => Atomics.add(ctl, CONTROL.NEXT_CHUNK, 1);
  let seen = Atomics.load(ctl, CONTROL.REQUEST);
  for (;;) {
    Atomics.wait(ctl, CONTROL.REQUEST, seen);
    seen = Atomics.load(ctl, CONTROL.REQUEST);
    try {
      kernelTasks[kernelTaskNames[ctl[CONTROL.TASK]]](simd, memory, args.subarray(0, ctl[CONTROL.ARG_COUNT]), nextChunk);
      Atomics.store(ctl, CONTROL.FAILED, 0);
    } catch {
      Atomics.store(ctl, CONTROL.FAILED, 1);
    }
    Atomics.store(ctl, CONTROL.DONE, seen);
    Atomics.notify(ctl, CONTROL.DONE);
  }
});
