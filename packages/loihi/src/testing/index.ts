/**
 * `@snn/loihi/testing`: helpers for tests and benchmarks. Not part of the main entry point.
 * @packageDocumentation
 */
/** Seeded random integers (weights, spike patterns) for tests and benchmarks. */
export { seededInts } from '../emulator/seeded-ints.js';
/** Emulator speed, for the workspace benchmark. */
export { measureEmulatorThroughput, type EmulatorThroughputOptions, type EmulatorThroughput } from '../emulator/emulator-throughput.js';
