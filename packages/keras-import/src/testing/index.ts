/**
 * `@snn/keras-import/testing`: helpers for checking importers and simulators, and for benchmarks.
 * Not part of the main entry point.
 * @packageDocumentation
 */
/** Float64 reference forward pass of an IR graph in rate mode (independent of `@snn/sim`). */
export { compileReference, type ReferenceModel } from './reference-forward.js';
/** Import speed of a model (benchmark). */
export { measureImport, type ImportBenchResult } from '../bench/import-bench.js';
/** A synthetic Keras model of a given size, for import benchmarks. */
export { syntheticKerasModel } from '../bench/synthetic-model.js';
