// @snn/loihi/node: the parts of @snn/loihi that need Node (worker threads).
/** The bit-exact emulator's classifier run split across worker threads. */
export { emulateClassifierParallel, type EmulateClassifierParallelOptions } from './emulate-classifier-parallel.js';
export * from '../index.js';
