import { workerData } from 'node:worker_threads';
import { lifStep } from '@snn/neurons';

/**
 * Worker side of {@link measureLifParallel}: steps its slice of a shared LIF population
 * whenever the step counter in `control[0]` advances; reports in `control[1]`.
 */
const { buffers, start, end, dt } = workerData as { buffers: SharedArrayBuffer[]; start: number; end: number; dt: number };
const [J, out, v, r] = buffers.map((b) => new Float32Array(b).subarray(start, end));
const control = new Int32Array(buffers[4]);
let seen = 0;
for (;;) {
  Atomics.wait(control, 0, seen);
  seen = Atomics.load(control, 0);
  if (seen < 0) break;
  lifStep(dt, J, out, v, r, 0.02, 0.002, 0, 1);
  Atomics.add(control, 1, 1);
  Atomics.notify(control, 1);
}
