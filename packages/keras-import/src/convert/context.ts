import type { GraphNode, Param } from '@snn/ir';
import type { KerasLayerConfigJson } from '../wire/types.js';
import type { ActivationTarget } from './activation.js';
import type { WeightRequest } from './pick-weights.js';
import type { Layout, TensorInfo } from './tensor.js';

/** Conversion options a layer converter may read. */
export interface ConverterOptions {
  /** Max pooling becomes average pooling after the import (`maxToAvgPool` option, an `@snn/ir` pass); converters keep max pooling exact. */
  readonly maxToAvgPool: boolean;
  /**
   * Always true: what only inference can represent (trainable BatchNormalization,
   * regularizers, constraints) is converted and recorded with {@link LayerContext.inferenceOnly}.
   */
  readonly inferenceOnly: boolean;
  /** Convolution kernels are Theano's (flip them 180°). */
  readonly theanoKernels: boolean;
  /** The model's image data format (from its first spatial layer): how Keras orders multi-axis tensors. */
  readonly modelDataFormat: Layout;
}

/**
 * What a layer converter gets: the Keras layer, its input tensors, and helpers that add
 * IR nodes, fetch checked weights and report problems in the house style.
 */
export interface LayerContext {
  /** Keras layer name. */
  readonly name: string;
  /** Keras class name. */
  readonly className: string;
  /** Base id for this layer's IR nodes (unique in the graph). */
  readonly id: string;
  /** The layer's Keras config (snake_case fields as written). */
  readonly config: KerasLayerConfigJson;
  /** `layer 'dense_1' (Dense)`, for messages. */
  readonly label: string;
  /** Input tensors, in call order. */
  readonly inputs: readonly TensorInfo[];
  readonly options: ConverterOptions;
  /** The single input; throws `KERAS_BAD_CONFIG` when the layer has several. */
  input(): TensorInfo;
  /** Add an IR node fed by `from` (tensors or node ids, in order); returns its id. */
  addNode(node: GraphNode, from: readonly (TensorInfo | string)[]): string;
  /** The layer's weights for `requests` (shape-, count- and NaN-checked). */
  weights(requests: readonly WeightRequest[]): Param[];
  /**
   * Apply a Keras activation (the `activation` config value or a name) to `t`: nothing for
   * linear, a softmax mark, or a neurons node with id `nodeId` (default `<id>/activation`).
   */
  activate(t: TensorInfo, activation: unknown, nodeId?: string): TensorInfo;
  /** Add a neurons node of a given type after `t` (neuron-type-keyed swaps apply after the import, as `@snn/ir` passes). */
  neurons(t: TensorInfo, target: Extract<ActivationTarget, { kind: 'neurons' }>, nodeId: string): TensorInfo;
  /** The layer's `data_format` as a layout, checked against the input's layout. */
  dataFormat(t: TensorInfo): Layout;
  /** Throw `KERAS_UNSUPPORTED_OPTION` for config field `field` with `value`; `detail` says what is supported and how to fix it. */
  unsupported(field: string, value: unknown, detail: string): never;
  /** Throw `KERAS_BAD_CONFIG` for config field `field` with `value` (expected `expected`). */
  badConfig(field: string, value: unknown, expected: string): never;
  /** Record a warning for the import report. */
  warn(message: string): void;
  /**
   * Record that the layer is converted for inference only (what training would change is
   * fixed or dropped): an entry of `graph.metadata.inferenceOnly` naming this layer and
   * `node` (default: the layer's base id), with `reason`, a clause such as
   * `ignored kernel_regularizer of 'dense'`.
   */
  inferenceOnly(reason: string, node?: string): void;
}

/** A layer converter: adds the IR nodes for one Keras layer call and returns its output tensor. */
export type LayerConverter = (ctx: LayerContext) => TensorInfo;
