import { Worker } from 'node:worker_threads';
import { createRng } from '@snn/ir';
import { lifStep } from '@snn/neurons';

/**
 * LIF kernel throughput on several threads: the population lives in SharedArrayBuffers,
 * the main thread and `threads - 1` workers each step their own slice, and every step
 * ends at a barrier (as a simulator step would). Returns neuron-steps per second.
 */
export async function measureLifParallel(options: { neurons: number; steps: number; threads: number; dt?: number }): Promise<{ neuronStepsPerSec: number }> {
  const { neurons, steps, threads } = options;
  const dt = options.dt ?? 0.001;
  const shared = [0, 1, 2, 3].map(() => new SharedArrayBuffer(neurons * 4));
  const [J, out, v, r] = shared.map((b) => new Float32Array(b));
  const rng = createRng(0);
  rng.fillUniform(J, 0, 5);
  rng.fillUniform(v, 0, 1);
  const controlBuffer = new SharedArrayBuffer(8);
  const control = new Int32Array(controlBuffer);
  const chunk = Math.ceil(neurons / threads);
  const workers: Worker[] = [];
  for (let t = 1; t < threads; t++) {
    const workerData = { buffers: [...shared, controlBuffer], start: t * chunk, end: Math.min(neurons, (t + 1) * chunk), dt };
    workers.push(new Worker(new URL('./lif-worker.js', import.meta.url), { workerData }));
  }
  await new Promise((resolve) => setTimeout(resolve, 200)); // let the workers start
  const mine = [J, out, v, r].map((a) => a.subarray(0, chunk));
  const step = (): void => {
    Atomics.store(control, 1, 0);
    Atomics.add(control, 0, 1);
    Atomics.notify(control, 0);
    lifStep(dt, mine[0], mine[1], mine[2], mine[3], 0.02, 0.002, 0, 1);
    for (let done = Atomics.load(control, 1); done < threads - 1; done = Atomics.load(control, 1)) Atomics.wait(control, 1, done);
  };
  for (let s = 0; s < 5; s++) step();
  const t0 = performance.now();
  for (let s = 0; s < steps; s++) step();
  const seconds = (performance.now() - t0) / 1000;
  Atomics.store(control, 0, -1);
  Atomics.notify(control, 0);
  await Promise.all(workers.map((w) => new Promise((resolve) => w.once('exit', resolve))));
  return { neuronStepsPerSec: (neurons * steps) / seconds };
}
