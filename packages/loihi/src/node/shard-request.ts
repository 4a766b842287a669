import type { ShardSettings } from '../map/emulate-shard.js';
import type { MapToLoihiOptions } from '../map/map-to-loihi.js';

/** Main thread -> worker: one contiguous range of images of a parallel classifier run. */
export interface ClassifierShardRequest {
  /** The graph as `.snn` bytes. */
  readonly graph: Uint8Array;
  /** The shard's images (its own copy, transferred). */
  readonly images: Float32Array;
  readonly map: Pick<MapToLoihiOptions, 'offChip' | 'dt'>;
  readonly settings: Omit<ShardSettings, 'registries' | 'onProgress'>;
  /** Module whose export `registryExport` (default `createRegistries`) returns `{ neurons, synapses }`. */
  readonly registryModule: string;
  readonly registryExport?: string;
}
