export { runParallel, SimWorkerPool, type ParallelOptions } from './run-parallel.js';
export { evaluateClassifier, type EvaluationSettings, type Evaluation, type LayerActivity } from './evaluate-classifier.js';
export {
  runShardWorkers,
  serveShards,
  shardBounds,
  builtWorkerUrl,
  type WorkerShard,
  type WorkerShardMessage,
  type ShardWorkersOptions,
} from './shard-workers.js';
export * from '../index.js';
