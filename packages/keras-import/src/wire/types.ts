/**
 * Wire types: the JSON Keras (2 and 3) and TensorFlow.js layers write for a model, in
 * their own snake_case names. They describe what may appear, not what must: readers treat
 * every field as untrusted and check it where it is used.
 */

/** A dimension in a Keras shape; `null` is the batch (or an unknown) dimension. */
export type KerasDim = number | null;

/** Any serialized Keras object: `{ class_name, config }`, with Keras 3's `module` / `registered_name`. */
export interface KerasObjectJson<C = Record<string, unknown>> {
  readonly class_name: string;
  readonly config: C;
  /** Keras 3: Python module of the class, e.g. `keras.layers`. */
  readonly module?: string;
  /** Keras 3: name under which a custom object was registered (null for built-ins). */
  readonly registered_name?: string | null;
}

/**
 * Keras 3 dtype policy, e.g. `{ class_name: 'DTypePolicy', config: { name: 'float32' } }`;
 * Keras 2 writes a plain string (`'float32'`) or `{ class_name: 'Policy', config: { name } }`.
 */
export type KerasDtypeJson = string | KerasObjectJson<{ readonly name?: string }>;

/** Keras 3: how a layer was built (`build_config.input_shape`). */
export interface KerasBuildConfigJson {
  readonly input_shape?: readonly KerasDim[] | readonly (readonly KerasDim[])[];
}

/** The `config` of a layer: common fields; each layer class adds its own (read by its converter). */
export interface KerasLayerConfigJson {
  readonly name: string;
  readonly trainable?: boolean;
  readonly dtype?: KerasDtypeJson;
  /** Keras 2: input shape including the batch dimension. */
  readonly batch_input_shape?: readonly KerasDim[];
  /** Keras 3 InputLayer: input shape including the batch dimension. */
  readonly batch_shape?: readonly KerasDim[];
  /** Keras 1/2 shorthand for the input shape without the batch dimension. */
  readonly input_shape?: readonly KerasDim[];
  /** Keras 1/2 Dense shorthand: `input_dim: n` means input shape `[n]`. */
  readonly input_dim?: number;
  readonly activation?: string | KerasObjectJson<unknown> | null;
  readonly data_format?: 'channels_last' | 'channels_first';
  readonly [field: string]: unknown;
}

/** Keras 2 reference to a tensor: `[layer_name, node_index, tensor_index, kwargs?]`. */
export type KerasTensorRefJson = readonly [string, number, number, Record<string, unknown>?];

/** Keras 3 serialized tensor inside `inbound_nodes[i].args`. */
export interface Keras3TensorJson {
  readonly class_name: '__keras_tensor__';
  readonly config: { readonly shape?: readonly KerasDim[]; readonly dtype?: string; readonly keras_history: readonly [string, number, number] };
}

/** Keras 3 call record: positional `args` and keyword `kwargs`, tensors anywhere inside. */
export interface Keras3InboundNodeJson {
  readonly args: readonly unknown[];
  readonly kwargs?: Readonly<Record<string, unknown>>;
}

/** One call of a layer: Keras 2 list of tensor refs, or Keras 3 `{ args, kwargs }`. */
export type KerasInboundNodeJson = readonly KerasTensorRefJson[] | Keras3InboundNodeJson;

/** A layer entry in a model's `layers` list. */
export interface KerasLayerJson extends KerasObjectJson<KerasLayerConfigJson> {
  /** Functional models repeat the layer name here. */
  readonly name?: string;
  /** Functional models: the calls of this layer, each naming its input tensors. */
  readonly inbound_nodes?: readonly KerasInboundNodeJson[];
  readonly build_config?: KerasBuildConfigJson;
}

/** `config` of a Sequential model. Keras <= 2.1 wrote the layer list itself as the config. */
export interface KerasSequentialConfigJson {
  readonly name?: string;
  readonly layers: readonly KerasLayerJson[];
  /** Input shape the model was built with (batch included), when it has no InputLayer. */
  readonly build_input_shape?: readonly KerasDim[];
}

/** `config` of a Functional model (`Model` / `Functional`). */
export interface KerasFunctionalConfigJson {
  readonly name?: string;
  readonly layers: readonly KerasLayerJson[];
  /** `[[name, node, tensor], ...]`, or a single `[name, node, tensor]` (Keras 3 with one input). */
  readonly input_layers: readonly KerasTensorRefJson[] | KerasTensorRefJson;
  readonly output_layers: readonly KerasTensorRefJson[] | KerasTensorRefJson;
}

/** A whole model as `model.to_json()` / `model_config` / `config.json` write it. */
export interface KerasModelJson extends KerasObjectJson<unknown> {
  readonly keras_version?: string;
  readonly backend?: string;
  readonly build_config?: KerasBuildConfigJson;
}

/** TensorFlow.js layers `model.json`. */
export interface TfjsModelJson {
  /** The Keras model JSON, or `{ model_config, training_config }` around it (older converters). */
  readonly modelTopology: KerasModelJson | { readonly model_config: KerasModelJson; readonly [k: string]: unknown };
  readonly weightsManifest: readonly TfjsWeightGroupJson[];
  readonly format?: string;
  readonly generatedBy?: string;
  readonly convertedBy?: string | null;
}

/** One group of a TensorFlow.js weights manifest: shard files, then the weights packed in them in order. */
export interface TfjsWeightGroupJson {
  readonly paths: readonly string[];
  readonly weights: readonly TfjsWeightSpecJson[];
}

/** One weight in a TensorFlow.js manifest. */
export interface TfjsWeightSpecJson {
  readonly name: string;
  readonly shape: readonly number[];
  readonly dtype: 'float32' | 'int32' | 'bool' | 'float16' | string;
  /** Quantized storage: `value = q * scale + min` (uint8/uint16), or float16 halves. */
  readonly quantization?: { readonly dtype: 'uint8' | 'uint16' | 'float16' | string; readonly scale?: number; readonly min?: number };
}
