// Worker thread of the loihi-emulator benchmark: emulates its share of the images and posts the spike totals.
import { parentPort, workerData } from 'node:worker_threads';
import { emulate } from './loihi-example-run.js';
import type { LoihiExampleScales } from './loihi-example-network.js';

/** What the benchmark sends each worker. */
export interface LoihiWorkerJob {
  readonly scales: LoihiExampleScales;
  readonly images: Float32Array;
  readonly count: number;
  readonly nSteps: number;
  readonly batch: number;
  readonly maxRateHz: number;
}

const job = workerData as LoihiWorkerJob;
parentPort?.postMessage(emulate(job.scales, job.images, job.count, job.nSteps, job.batch, job.maxRateHz, (done) => parentPort?.postMessage({ done })));
