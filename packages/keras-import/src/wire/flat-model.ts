import type { KerasDim, KerasLayerJson } from './types.js';

/** One application of a (non-model) layer to its input tensors, in execution order. */
export interface LayerCall {
  readonly layer: KerasLayerJson;
  readonly className: string;
  /** Keras layer name. */
  readonly name: string;
  /** Nested model names then the layer name: how the weights file finds the layer. */
  readonly weightPath: readonly string[];
  /** Unique id for IR nodes: `name`, `outer/name`, `name#1` for a second call. */
  readonly id: string;
  /** Tensor keys of the inputs, in call order. */
  readonly inputs: readonly string[];
  /** Tensor key of the output. */
  readonly output: string;
}

/** A model input: where its tensor starts and the shape it declares (without batch). */
export interface FlatInput {
  readonly key: string;
  /** Id for the IR input node (the InputLayer name, or `input`). */
  readonly id: string;
  /** Declared batchless Keras shape, or undefined when the model does not say. */
  readonly kerasShape?: readonly KerasDim[];
}

/** A model output: its tensor and the Keras layer that produces it. */
export interface FlatOutput {
  readonly key: string;
  readonly layer: string;
}

/** A Keras model with nested models expanded: inputs, layer calls in a valid order, outputs. */
export interface FlatModel {
  readonly name: string;
  readonly inputs: readonly FlatInput[];
  readonly calls: readonly LayerCall[];
  readonly outputs: readonly FlatOutput[];
}
