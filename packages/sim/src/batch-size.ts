import { inferShapes, type Graph } from '@snn/ir';
import type { SimMode } from './options.js';

/**
 * Per-worker bytes of per-sample state a spiking batch should hold: the population states,
 * currents, outputs, spike lists and filter states of one step stay in the core's caches
 * (measured on the keras-to-snn network: 10,000 images x 30 steps on two workers took ~4.1 s
 * in batches of 8-24 and ~6 s in batches of 100).
 */
const SPIKING_WORKING_SET_BYTES = 16 << 20;
/** Bytes per value of a node in a spiking batch: output, current, state and list entries. */
const BYTES_PER_VALUE = 16;

/**
 * The batch size the simulator uses when none is given: 100 samples in rate mode (one pass of
 * backend ops, larger batches amortize their overhead); in spiking mode as many samples as fit
 * a 16 MB working set at 16 bytes per node output value, between 8 and 100.
 */
export function autoBatchSize(graph: Graph, mode: SimMode = 'spiking'): number {
  if (mode === 'rate') return 100;
  const inputs = new Set(graph.nodes.filter((n) => n.kind === 'input').map((n) => n.id));
  let values = 0;
  for (const [id, shape] of inferShapes(graph)) if (!inputs.has(id)) values += shape.reduce((a, b) => a * b, 1);
  return Math.max(8, Math.min(100, Math.floor(SPIKING_WORKING_SET_BYTES / Math.max(1, values * BYTES_PER_VALUE))));
}
