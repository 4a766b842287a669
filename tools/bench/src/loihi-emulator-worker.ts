// Worker thread of the loihi-emulator benchmark: emulates its share of the images and replies with the spike totals.
import { serveShards } from '@snn/sim/node';
import { emulate, type RunResult } from './loihi-example-run.js';
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

serveShards<LoihiWorkerJob, RunResult>((job, progress) => emulate(job.scales, job.images, job.count, job.nSteps, job.batch, job.maxRateHz, progress));
