import { loihiCoreLimits, type BlockResources } from './limits.js';
import type { NetworkPartition } from './split-network.js';

/** One row of the per-core utilization table: counts and their fractions of the core limits. */
export interface CoreUtilization extends BlockResources {
  /** Core number, 0-based, in block order. */
  core: number;
  /** Layer the block belongs to. */
  layer: string;
  /** compartments / 1024. */
  compartmentsFraction: number;
  /** inAxons / 4096. */
  inAxonsFraction: number;
  /** outAxonSlots / 4096. */
  outAxonsFraction: number;
  /** synapseBits / 1048576. */
  synapseBitsFraction: number;
}

/** The per-core utilization table of a partition, one row per core. */
export function coreUtilization(partition: NetworkPartition): CoreUtilization[] {
  const rows: CoreUtilization[] = [];
  for (const layer of partition.layers)
    for (const b of layer.blocks)
      rows.push({
        ...b, core: rows.length, layer: layer.name,
        compartmentsFraction: b.compartments / loihiCoreLimits.compartments,
        inAxonsFraction: b.inAxons / loihiCoreLimits.inAxons,
        outAxonsFraction: b.outAxonSlots / loihiCoreLimits.outAxons,
        synapseBitsFraction: b.synapseBits / loihiCoreLimits.synapseBits,
      });
  return rows;
}
