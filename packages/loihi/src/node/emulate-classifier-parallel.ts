import { encodeSnn, type Graph } from '@snn/ir';
import { initBackend } from '@snn/sim';
import { builtWorkerUrl, runShardWorkers, shardBounds, type ParallelOptions } from '@snn/sim/node';
import { emulateClassifier, planClassifier, type EmulateClassifierOptions } from '../map/emulate-classifier.js';
import type { ClassifierShard } from '../map/emulate-shard.js';
import { finishClassification, type EmulatedClassification } from '../map/finish-classification.js';
import { sizeOf } from '../map/current-per-spike.js';
import { loihiRegistryModule } from '../registries.js';
import type { ClassifierShardRequest } from './shard-request.js';

/** Options of {@link emulateClassifierParallel}. */
export interface EmulateClassifierParallelOptions extends Omit<EmulateClassifierOptions, 'registries'>, ParallelOptions {
  /** Worker threads (default 2); 1 runs {@link emulateClassifier} on this thread. */
  readonly workers?: number;
}

/**
 * {@link emulateClassifier} with the images split into contiguous shards of whole batches over
 * `workers` worker threads, each mapping the graph (sent as `.snn` bytes) and emulating its shard;
 * predictions are merged in order, rates from the summed spike counts, warnings deduplicated, the
 * mapping is this thread's. The result equals the single-threaded run's. The host populations use
 * the registries of `registryModule` (default: `loihiRegistryModule`). Node only.
 */
export async function emulateClassifierParallel(
  graph: Graph,
  images: Float32Array,
  labels: ArrayLike<number>,
  options: EmulateClassifierParallelOptions = {},
): Promise<EmulatedClassification> {
  const plan = planClassifier(graph, images, labels, options);
  const batch = plan.settings.batchSize;
  const shards = Math.max(1, Math.min(Math.floor(options.workers ?? 2), Math.ceil(plan.images / batch)));
  if (shards === 1) {
    await initBackend(); // the host populations' simulator (a no-op once initialized)
    return emulateClassifier(graph, images, labels, options);
  }
  const inputSize = sizeOf(plan.mapping.chain.inputShape);
  const bounds = shardBounds(plan.images, shards, batch);
  const bytes = encodeSnn(graph);
  const requests = bounds.slice(0, -1).map((start, w) => {
    const shardImages = images.slice(start * inputSize, bounds[w + 1]! * inputSize);
    const request: ClassifierShardRequest = {
      graph: bytes,
      images: shardImages,
      map: { offChip: options.offChip, dt: plan.mapping.dt },
      settings: plan.settings,
      registryModule: options.registryModule ?? loihiRegistryModule,
      registryExport: options.registryExport,
    };
    return { request, transfer: [shardImages.buffer as ArrayBuffer], batch: `images ${start}-${bounds[w + 1]! - 1} of ${plan.images}` };
  });
  const parts = await runShardWorkers<ClassifierShardRequest, ClassifierShard>(builtWorkerUrl(import.meta.url, 'worker.js', 'node'), requests, {
    code: 'LOIHI_WORKER',
    onProgress: options.onProgress && ((done) => options.onProgress!(done, plan.images)),
  });
  return finishClassification(plan.mapping, parts, labels, plan.steps);
}
