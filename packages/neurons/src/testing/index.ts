/**
 * `@snn/neurons/testing`: benchmark helpers. Not part of the main entry point.
 * @packageDocumentation
 */
/** LIF kernel throughput measurement (1 thread or a pool; float64 or float32) for the workspace benchmark. */
export { measureLifThroughput, type LifThroughputOptions, type LifThroughput } from '../lif-throughput.js';
