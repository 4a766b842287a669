// @snn/loihi: Intel Loihi for snn (spec: shared/spec/loihi.md).
/** The package's error codes. */
export { loihiErrorCodes, loihiError, type LoihiErrorCode } from './error-codes.js';
/** Per-core resources: limits, synapse bits, block shapes, splitting, the automatic partitioner (spec §4, §5). */
export { loihiCoreLimits, validateBlock, blockFits, type BlockResources } from './resources/limits.js';
export { bitsPerAxon, realIndexBits, indexBitsMap, denseSynapseFormat, type SynapseFormat } from './resources/bits-per-axon.js';
export { blockShape, nSplits, blockSize, blockTiles, sequentialBlockShape, type BlockShape } from './resources/block-shape.js';
export type { LoihiLayer, LoihiConnection } from './resources/layer.js';
export { conv2dOutputShape } from './resources/synapse-geometry.js';
export { splitNetwork, type NetworkPartition, type LayerPartition, type BlockShapes } from './resources/split-network.js';
export { autoPartition, candidateBlockShapes } from './resources/partition.js';
export { coreUtilization, type CoreUtilization } from './resources/utilization.js';
