import type { Graph, SynapseSpec } from '../types.js';
import type { InputScaling } from './scale-inputs.js';
import type { NeuronTarget } from './swap-neurons.js';

/**
 * Which neurons nodes {@link applyConversion} gives new types. For each node the most
 * specific entry wins: `byNode`, then `byType` (its type before the swap), then `all`.
 */
export interface NeuronSwapSpec {
  /** Every neurons node. */
  readonly all?: NeuronTarget;
  /** Keyed by neuron type name, e.g. `{ RectifiedLinear: 'SpikingRectifiedLinear' }` (NengoDL `swap_activations`). */
  readonly byType?: Readonly<Record<string, NeuronTarget>>;
  /** Keyed by neurons node id (unknown ids and other kinds are errors). */
  readonly byNode?: Readonly<Record<string, NeuronTarget>>;
}

/**
 * The conversion settings {@link applyConversion} applies to any graph (NengoDL Converter
 * options, spec §5, in graph terms: node ids and neuron type names). Plain data: it is
 * recorded in `graph.metadata.conversion`.
 */
export interface ConversionOptions {
  /** The network sees `x * scale + offset` for raw inputs `x` (an affine node after each input, folded where exact). */
  readonly inputScaling?: InputScaling;
  /** Fold affine nodes (batch normalization, input scaling) into adjacent dense/conv nodes where exact. Default true. */
  readonly foldBatchNorm?: boolean;
  /** Max pooling becomes average pooling: `true` for every max pool, or the pool node ids. Default false. */
  readonly maxToAvgPool?: boolean | readonly string[];
  /** New neuron types (e.g. spiking types for rate types). */
  readonly swapNeurons?: NeuronSwapSpec;
  /** Firing-rate scale: one factor for every neurons node, or neurons node id → factor (spec §5.2). */
  readonly scaleFiringRates?: number | Readonly<Record<string, number>>;
  /** Synapse on every edge leaving a neurons node (spec §5.3); `null` removes them. */
  readonly synapse?: SynapseSpec | null;
  /** Synapse on the edges leaving each listed node (any kind), applied after `synapse`; `null` removes them. */
  readonly nodeSynapses?: Readonly<Record<string, SynapseSpec | null>>;
}

/** What {@link applyConversion} needs to know about neuron types (from a neuron registry; the IR has none). */
export interface ConversionHooks {
  /** Whether the type has an `amplitude` parameter; types without one are scaled in gain and bias only, with a note. */
  readonly hasAmplitude?: (neuronType: string) => boolean;
}

/** A converted graph and what the user should know about the conversion. */
export interface ConversionResult {
  readonly graph: Graph;
  /** Warnings and remarks, one sentence each (scaling that changes outputs, settings applied twice, ...). */
  readonly notes: readonly string[];
}
