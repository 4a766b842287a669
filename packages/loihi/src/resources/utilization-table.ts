import { coreUtilization } from './utilization.js';
import type { NetworkPartition } from './split-network.js';

/** A partition as table cells: headers, one row per core, column alignment. */
export interface CoreTable {
  readonly headers: readonly string[];
  readonly rows: readonly (readonly string[])[];
  readonly align: readonly ('left' | 'right')[];
}

const pct = (x: number): string => `${(100 * x).toFixed(0)}%`;
const count = (n: number): string => n.toLocaleString('en-US');

/** One row per core of `partition`: its block, and compartments, input and output axons and synapse bits, each with its share of the core's limit. */
export function coreTable(partition: NetworkPartition): CoreTable {
  return {
    headers: ['core', 'block', 'compartments', 'in axons', 'out axons', 'synapse bits'],
    rows: coreUtilization(partition).map((c) => [
      String(c.core),
      c.label,
      `${count(c.compartments)} (${pct(c.compartmentsFraction)})`,
      `${count(c.inAxons)} (${pct(c.inAxonsFraction)})`,
      `${count(c.outAxonSlots)} (${pct(c.outAxonsFraction)})`,
      `${count(c.synapseBits)} (${pct(c.synapseBitsFraction)})`,
    ]),
    align: ['right', 'left', 'right', 'right', 'right', 'right'],
  };
}
