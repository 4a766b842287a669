/**
 * `@snn/ir`: the typed graph IR every snn package meets at — node kinds, shape inference
 * and validation, a builder, pure graph passes, and versioned (de)serialization.
 * Dependency-free; runs in Node and in browsers.
 *
 * @packageDocumentation
 */

// Types of the graph (each documented in types.ts).
export type {
  Shape,
  Param,
  Padding,
  SynapseSpec,
  InputNode,
  DenseNode,
  ConvNode,
  PoolNode,
  GlobalPoolNode,
  AddNode,
  ConcatNode,
  ReshapeNode,
  AffineNode,
  PadNode,
  UpsampleNode,
  NeuronsNode,
  OutputNode,
  GraphNode,
  NodeKind,
  Edge,
  Graph,
} from './types.js';

// Errors and randomness.
export { SnnError, isSnnError } from './errors.js';
export { irErrorCodes, type IrErrorCode } from './error-codes.js';
export { createRng, type Rng } from './random.js';

// Node kinds and their fields.
export { NODE_KINDS, NODE_FIELDS, isNodeKind, type FieldSpec, type FieldType } from './schema.js';

// Validation, shapes and graph access.
export { inferShapes } from './shapes.js';
export { topoOrder, inputsOf, outputsOf, getNode } from './graph-access.js';
export { convOutputSize, samePadding, type AxisPadding } from './conv-size.js';

// Parameters and initializers.
export { param, scalar, zeros, paramSize } from './param.js';
export { fans, glorotUniform, heUniform, heNormal } from './initializers.js';

// Building graphs.
export { GraphBuilder, type NodeOptions, type DenseOptions, type ConvOptions, type PoolOptions, type NeuronsOptions } from './builder.js';

// Passes (pure: they return new graphs and never modify their input).
export { swapNeurons, type NeuronSwap, type NeuronSwapResult, type NeuronTarget, type SwapNeuronsOptions } from './passes/swap-neurons.js';
export { scaleFiringRates, type ScaleFiringRatesOptions } from './passes/scale-firing-rates.js';
export { setSynapses, type SynapseSelector } from './passes/set-synapses.js';
export { foldBatchNorm, type FoldedAffine } from './passes/fold-batch-norm.js';
export { maxToAvgPool, type MaxToAvgPoolOptions } from './passes/max-to-avg-pool.js';
export { scaleInputs, type InputScaling } from './passes/scale-inputs.js';
// Conversion: every pass above from one set of options, in NengoDL's order.
export { applyConversion } from './passes/apply-conversion.js';
export type { ConversionOptions, ConversionHooks, ConversionResult, NeuronSwapSpec } from './passes/conversion-options.js';

// Serialization.
export { serializeGraph, SNN_FORMAT, SNN_FORMAT_VERSION, type SerializedGraph, type ParamRef } from './serialize.js';
export { deserializeGraph, type LoadOptions } from './deserialize.js';
export { encodeSnn, decodeSnn } from './snn-file.js';
