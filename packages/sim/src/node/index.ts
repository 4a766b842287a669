export { runParallel, SimWorkerPool, type ParallelOptions } from './run-parallel.js';
export * from '../index.js';
