export { runParallel, SimWorkerPool, type ParallelOptions } from './run-parallel.js';
export { evaluateClassifier, type EvaluationSettings, type Evaluation, type LayerActivity } from './evaluate-classifier.js';
export * from '../index.js';
