import type { SynapseSpec } from '@snn/ir';
import type { NeuronRegistry } from '@snn/neurons';
import type { LayerConverterRegistry } from './registry.js';

/** A neuron type to use for an activation: a registered name, optionally with parameters. */
export interface NeuronChoice {
  readonly neuronType: string;
  readonly params?: Readonly<Record<string, number>>;
}

/**
 * Options of {@link importKeras} / {@link convertKerasModel}: NengoDL Converter's options
 * (spec §5) plus what Keras files do not record (input scaling, Theano kernels).
 */
export interface ImportOptions {
  /**
   * Replace activations, like NengoDL's `swap_activations`. Keys are Keras activation
   * names (`relu`, `sigmoid`, `tanh`) or neuron type names (`RectifiedLinear`); values
   * are neuron type names or `{ neuronType, params }`, e.g. `{ relu: 'SpikingRectifiedLinear' }`.
   * Keras names are swapped first, then the mapped neuron type names. The new neurons are
   * fresh (their type's defaults, or the given params). Activations without a native
   * mapping (`{ elu: 'LIF' }`) and swaps to `linear` are resolved while layers convert;
   * the others become an `@snn/ir` neuron swap after the import.
   */
  readonly swapActivations?: Readonly<Record<string, string | NeuronChoice>>;
  /**
   * Neuron types per layer: Keras layer name (its neurons) or neurons node id → type,
   * e.g. `{ dense_1: 'LIF' }`. Wins over `swapActivations`; the neurons are fresh.
   */
  readonly layerNeurons?: Readonly<Record<string, string | NeuronChoice>>;
  /**
   * Firing-rate scale: one factor for every neuron layer, or a map from Keras layer name
   * (or neurons node id) to factor (others unscaled). Gain is multiplied by it and
   * amplitude divided (spec §5.2).
   */
  readonly scaleFiringRates?: number | Readonly<Record<string, number>>;
  /** Synapse on every edge leaving a neurons node: a lowpass time constant in seconds, or a spec. Default none. */
  readonly synapse?: number | SynapseSpec | null;
  /**
   * Synapses per layer, after `synapse`: Keras layer name (edges leaving its neurons) or
   * node id (edges leaving that node) → time constant in seconds, spec, or `null` for none.
   */
  readonly layerSynapses?: Readonly<Record<string, number | SynapseSpec | null>>;
  /** Convert max pooling to average pooling (NengoDL `max_to_avg_pool`). Default false: max pooling stays exact. */
  readonly maxToAvgPool?: boolean;
  /**
   * No longer needed: trainable BatchNormalization, regularizers and constraints are always
   * converted for inference and listed in `graph.metadata.inferenceOnly`. Accepted so that
   * old callers keep working; it changes nothing.
   */
  readonly inferenceOnly?: boolean;
  /** Inputs are raw values `x` and the model sees `x * inputScale + inputOffset` (e.g. 1/255 for 0..255 pixels). Default 1. */
  readonly inputScale?: number;
  /** See {@link ImportOptions.inputScale}. Default 0. */
  readonly inputOffset?: number;
  /**
   * Input shape (Keras order, without batch) when the model does not declare one (or to
   * override it): one shape, or a map from input layer name to shape.
   */
  readonly inputShape?: readonly number[] | Readonly<Record<string, readonly number[]>>;
  /**
   * Treat convolution kernels as Theano's (true convolution: flipped 180° relative to
   * TensorFlow). Default: detected from the file's `backend` attribute.
   */
  readonly theanoKernels?: boolean;
  /** Fold BatchNormalization into an adjacent dense/conv layer where exact. Default true. */
  readonly foldBatchNorm?: boolean;
  /** Keras layer names whose outputs become graph outputs (default: the model's outputs). */
  readonly outputs?: readonly string[];
  /** Layer converters to use (default: a registry with every built-in converter). */
  readonly converters?: LayerConverterRegistry;
  /** Neuron types that swaps may name (default: the built-in types of `@snn/neurons`). */
  readonly neuronTypes?: NeuronRegistry;
}
