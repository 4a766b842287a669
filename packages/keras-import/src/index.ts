/**
 * `@snn/keras-import`: read Keras 2 `.h5`, Keras 3 `.keras` and TensorFlow.js `model.json`
 * files from bytes and convert them to validated `@snn/ir` graphs. NengoDL's converter
 * options are `@snn/ir` passes (`applyConversion`); this package translates their Keras
 * names (layer names, activation names). Runs in Node and in browsers; file-system
 * helpers are in `@snn/keras-import/node`.
 *
 * @packageDocumentation
 */

/** Read and convert in one call (`importKeras`), or convert an already read model (`convertKerasModel`). */
export { importKeras, convertKerasModel, type ImportResult } from './import-keras.js';
/** Read a model's files from bytes (format recognized from the bytes) without converting it. */
export { readKerasModel } from './formats/read-model.js';
/** What a model read from its files holds, and the bytes a user gives. */
export type { KerasModelSource, KerasModelInput, KerasFormat } from './formats/model-source.js';
/** Per-layer weight lookup used by converters. */
export type { WeightStore, StoredWeight } from './formats/weight-store.js';
/** Import and conversion options (NengoDL Converter options plus input scaling). */
export type { ImportOptions, NeuronChoice } from './convert/options.js';
/** Metadata recorded on imported graphs (inputs, outputs and their softmax, Keras layers). */
export type { KerasGraphMetadata } from './convert/convert-model.js';
/** Layer converter registry: extend it with converters for your own Keras classes. */
export { LayerConverterRegistry, registerLayerConverter, type RegisterOptions } from './convert/registry.js';
/** Built-in converters, a function registering them, and a registry pre-filled with them. */
export { builtinLayerConverters, registerBuiltinLayerConverters, createLayerConverterRegistry } from './convert/builtins.js';
/** What a layer converter receives and returns. */
export type { LayerConverter, LayerContext, ConverterOptions } from './convert/context.js';
/** The Keras tensor view converters work with (IR shape plus Keras axis order). */
export type { TensorInfo, Layout } from './convert/tensor.js';
/** A weight a converter asks for. */
export type { WeightRequest } from './convert/pick-weights.js';
/** Keras activation names with a native neuron mapping. */
export { supportedActivations } from './convert/activation.js';
/** Keras-named conversion options (layer and activation names) as `@snn/ir` conversion options for a graph. */
export {
  kerasConversionOptions,
  type KerasConversionOptions,
  type KerasConversionContext,
  type TranslatedOptions,
} from './convert/conversion-options.js';
/** One layer converted for inference only (an entry of `graph.metadata.inferenceOnly`). */
export type { InferenceOnlyEntry } from './convert/layer-context.js';
/** Error codes of this package, each with its meaning. */
export { kerasErrorCodes, type KerasErrorCode } from './errors.js';
/** Wire types: the JSON Keras and TensorFlow.js write. */
export type * from './wire/types.js';
/** Check a simulator's rate-mode output against the reference forward pass (NengoDL `verify`). */
export { verify, type VerifyOptions, type VerifyReport, type RunGraph } from './verify.js';
/** Describe a model's layers (class, parameters, shapes, whether each converts) for `snn inspect`. */
export { inspectKerasModel, type LayerReport, type ModelReport } from './inspect.js';
