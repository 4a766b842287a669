// @snn/loihi: Intel Loihi for snn (spec: shared/spec/loihi.md).
/** The package's error codes. */
export { loihiErrorCodes, loihiError, type LoihiErrorCode } from './error-codes.js';

// Discretization (spec §2): float compartment configuration -> chip integers.
/** numpy's round-half-to-even. */
export { roundHalfEven } from './round.js';
/** Float compartment configuration of a block. */
export { createCompartment, compartmentName, type CompartmentConfig, type CreateCompartmentOptions } from './discretize/compartment-config.js';
/** Input filter configuration. */
export { configureFilter, configureDefaultFilter, DECAY_SCALE_TH, type FilterOptions } from './discretize/configure-filter.js';
/** Neuron configuration of a block. */
export { configureLif, configureRelu, configureNonspiking, type LifOptions, type ReluOptions } from './discretize/configure-neuron.js';
/** Integer decays. */
export { decayUInt, decayVInt, decayInt } from './discretize/integer-decay.js';
/** Integral of an integer decay series. */
export { decayMagnitude } from './discretize/decay-magnitude.js';
/** Chip ranges of thresholds, biases and accumulators. */
export {
  VTH_MAN_MAX, VTH_EXP, VTH_MAX, BIAS_MAN_MAX, BIAS_EXP_MAX, BIAS_MAX, Q_BITS, U_BITS, W_SCALED_MAX, weightExpScale,
} from './discretize/chip-constants.js';
/** The scale search. */
export { searchScales, type BlockScales } from './discretize/scale-search.js';
/** Mantissa/exponent storage of thresholds and biases. */
export { vthToManExp, biasToManExp, type ManExp } from './discretize/mantissa-exponent.js';
/** Voltage limits. */
export { vminInt, vmaxInt } from './discretize/voltage-limits.js';
/** Compartment discretization. */
export { discretizeCompartment, type DiscretizedCompartment } from './discretize/discretize-compartment.js';
/** Synapse weight formats. */
export { shiftBits, DENSE_SYNAPSE_FORMAT, type SynapseFormat } from './discretize/synapse-format.js';
/** Weight quantization. */
export { discretizeWeights, type DiscretizeWeightsOptions } from './discretize/discretize-weights.js';
/** Synapse discretization and its quantization report. */
export {
  discretizeSynapse, type BlockSynapse, type DiscretizedSynapse, type WeightQuantization,
} from './discretize/discretize-synapse.js';
/** Block discretization. */
export { discretizeBlock, type DiscretizedBlock } from './discretize/discretize-block.js';
/** Bit-exact integer Loihi emulator (spec §3.1) and its float "simreal" twin. */
export { LoihiEmulator, type LoihiEmulatorOptions } from './emulator/loihi-emulator.js';
export { SimrealEmulator } from './emulator/simreal-emulator.js';
export { EmulatorProbe, type EmulatorProbeKey } from './emulator/emulator-probe.js';
export type {
  LoihiEmulatorBlock,
  LoihiEmulatorNetwork,
  LoihiEmulatorSynapse,
  LoihiSpikeInput,
  LoihiOverflowMode,
  DenseSynapse,
  EmulatorNetwork,
  EmulatorSynapse,
} from './emulator/types.js';
/** Convolutional synapses (per-pixel fan-out of a kernel) and their dense expansion. */
export type { ConvSynapse } from './emulator/conv-synapse.js';
export { convToDense } from './emulator/conv-dense.js';
/** CSR sparse synapses for dense layers with many zero weights. */
export { sparseFromDense, type SparseSynapse } from './emulator/sparse-synapse.js';
export type { SimrealBlock, SimrealNetwork, SimrealSynapse } from './emulator/simreal-types.js';
/** Emulator building blocks: Nengo Loihi's `overflow_signed` and the register widths. */
export { wrapSigned } from './emulator/wrap-signed.js';
/** Nengo Loihi `LoihiLIF`: LIF with discretized time constants and whole-step interspike intervals. */
export { LoihiLIF } from './neurons/loihi-lif.js';
/** Nengo Loihi `LoihiSpikingRectifiedLinear`: spiking ReLU reset to zero, at most one spike per step. */
export { LoihiSpikingRectifiedLinear } from './neurons/loihi-spiking-rectified-linear.js';
/** The two Loihi neuron types, and `registerLoihiNeurons(registry)` to add them to a neuron registry. */
export { loihiNeuronTypes, registerLoihiNeurons } from './neurons/register-loihi-neurons.js';
/** Nengo Loihi `discretize_tau_rc` / `discretize_tau_ref`: the time constants the chip realizes. */
export { discretizeTauRc, discretizeTauRef } from './neurons/discretize-tau.js';
/** Registries with the Loihi neuron types, and the module worker threads load them from. */
export { createLoihiRegistries, loihiRegistryModule } from './registries.js';
/** Per-core resources: limits, synapse bits, block shapes, splitting, the automatic partitioner (spec §4, §5). */
export { loihiCoreLimits, validateBlock, blockFits, type BlockResources } from './resources/limits.js';
export { bitsPerAxon, realIndexBits, indexBitsMap, denseSynapseFormat, type SynapseMemoryFormat } from './resources/bits-per-axon.js';
export { blockShape, nSplits, blockSize, blockTiles, sequentialBlockShape, type BlockShape } from './resources/block-shape.js';
export type { LoihiLayer, LoihiConnection } from './resources/layer.js';
export { conv2dOutputShape } from './resources/synapse-geometry.js';
export { splitNetwork, type NetworkPartition, type LayerPartition, type BlockShapes } from './resources/split-network.js';
export { autoPartition, candidateBlockShapes } from './resources/partition.js';
export { coreUtilization, type CoreUtilization } from './resources/utilization.js';
/** The per-core utilization as table cells (the CLI's and the walkthrough's core tables). */
export { coreTable, type CoreTable } from './resources/utilization-table.js';
/** Energy and latency per inference on Loihi, a CPU and a GPU, from per-operation figures, each cited. */
export { estimateEnergy, type EnergyOptions, type EnergyReport } from './energy/estimate-energy.js';
export type { InferenceActivity } from './energy/inference-activity.js';
export type { PlatformEstimate, EnergyTerm, Range } from './energy/platform-estimate.js';
export type { Citation } from './energy/citation.js';
/** The cited figures: Loihi (Davies et al. 2018), CPU arithmetic (Horowitz 2014), GPU (Tesla V100). */
export { loihiFigures, DAVIES_2018 } from './energy/loihi-figures.js';
export { cpuFigures, gpuFigures, HOROWITZ_2014, NVIDIA_V100 } from './energy/conventional-figures.js';
/** Per-inference counts of a chain network from its layers' spike counts; its MACs as an ANN. */
export { countActivity, spikesFromRates } from './energy/count-activity.js';
export { annMacs, connectionSynapses } from './energy/connection-synapses.js';
/** The energy report as text. */
export { renderEnergyReport, formatSi, formatRange } from './energy/render-energy.js';
/** From an IR graph to Loihi: the chain read, resource layers, discretized blocks, the emulator network. */
export { readChain, CHIP_NEURON_TYPES, type Chain, type ChainLayer, type ChainOutput, type ChainOptions, type ChipNeuronKind } from './map/chain.js';
export { graphToLoihiLayers } from './map/graph-to-layers.js';
export { mapToLoihi, DECODE_TAU, type MapToLoihiOptions, type MappedLayer, type LoihiMapping } from './map/map-to-loihi.js';
export { currentPerSpike, compartmentBias } from './map/current-per-spike.js';
export { toEmulatorNetwork } from './map/to-emulator-network.js';
/** Off-chip populations in the float simulator, and a classifier run on the integer emulator. */
export { runHostLayers, type HostSpikes } from './map/host-layers.js';
export { emulateClassifier, planClassifier, type EmulateClassifierOptions, type ClassifierPlan } from './map/emulate-classifier.js';
/** A classifier run's raw counts per shard of images, merged into accuracy, rates and saturation at one spike per step. */
export { emulateShard, type ClassifierShard, type ShardSettings } from './map/emulate-shard.js';
export { finishClassification, saturationWarning, type EmulatedClassification, type LayerSaturation } from './map/finish-classification.js';
