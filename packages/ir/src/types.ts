/**
 * The graph IR: the contract every snn package meets at.
 *
 * Shapes never include the batch dimension and are channels-last: (H, W, C) for 2-D
 * data, (L, C) for 1-D data, (N) for vectors. Flattening is C order of that shape.
 * Time constants are stored in seconds, rates in Hz.
 */

/** A shape without the batch dimension, channels-last. */
export type Shape = readonly number[];

/** A float32 parameter array with its shape (C order). A scalar has shape `[]`. */
export interface Param {
  readonly shape: Shape;
  readonly data: Float32Array;
}

/** Padding of a convolution or pooling window: Keras names, or explicit `[before, after]` per spatial axis. */
export type Padding = 'valid' | 'same' | ReadonlyArray<readonly [number, number]>;

/** A synapse attached to an edge: a registered synapse type name plus its parameters (seconds). */
export interface SynapseSpec {
  /** Registered synapse type, e.g. `lowpass`, `alpha`, `linearFilter`. */
  readonly type: string;
  /** Numeric parameters, e.g. `{ tau: 0.005 }`. */
  readonly params?: Readonly<Record<string, number>>;
  /** Array parameters, e.g. `{ num: [1], den: [0.01, 1] }` for a LinearFilter. */
  readonly arrays?: Readonly<Record<string, readonly number[]>>;
}

interface NodeBase {
  /** Unique node name within the graph. */
  readonly id: string;
  /** Whether training may change this node's parameters (default true). */
  readonly trainable?: boolean;
}

/** A network input of the given shape. */
export interface InputNode extends NodeBase {
  readonly kind: 'input';
  readonly shape: Shape;
}

/** A dense (fully connected) transform on the last axis: `y = x · weights + bias`, weights (in, out). */
export interface DenseNode extends NodeBase {
  readonly kind: 'dense';
  readonly weights: Param;
  readonly bias?: Param;
}

/**
 * A 1-D or 2-D convolution (cross-correlation, no kernel flip). Kernel layout is
 * (kh, kw, cIn/groups, cOut) for 2-D and (k, cIn/groups, cOut) for 1-D.
 */
export interface ConvNode extends NodeBase {
  readonly kind: 'conv';
  readonly kernel: Param;
  readonly bias?: Param;
  readonly strides: readonly number[];
  readonly padding: Padding;
  /** Dilation per spatial axis; only 1 is supported by the simulator today. */
  readonly dilation?: readonly number[];
  /** Channel groups (default 1). */
  readonly groups?: number;
}

/** Average or max pooling over a window. */
export interface PoolNode extends NodeBase {
  readonly kind: 'pool';
  readonly op: 'avg' | 'max';
  readonly window: readonly number[];
  readonly strides: readonly number[];
  readonly padding: Padding;
}

/** Pooling over all spatial positions: (..., C) -> (C). */
export interface GlobalPoolNode extends NodeBase {
  readonly kind: 'globalPool';
  readonly op: 'avg' | 'max';
}

/** Element-wise sum of all inputs (same shapes); optional `scale` multiplies the sum (Keras Average: 1/n). */
export interface AddNode extends NodeBase {
  readonly kind: 'add';
  readonly scale?: number;
}

/** Concatenation of the inputs along `axis` (of the batchless shape; negative counts from the end). */
export interface ConcatNode extends NodeBase {
  readonly kind: 'concat';
  readonly axis: number;
}

/** Reinterpretation of the C-order data under a new shape (flatten is `[n]`). */
export interface ReshapeNode extends NodeBase {
  readonly kind: 'reshape';
  readonly shape: Shape;
}

/** Per-channel affine transform on the last axis: `y = x * scale + bias` (folded batch norm). */
export interface AffineNode extends NodeBase {
  readonly kind: 'affine';
  readonly scale: Param;
  readonly bias: Param;
}

/** Zero padding of the spatial axes: `[before, after]` per spatial axis. */
export interface PadNode extends NodeBase {
  readonly kind: 'pad';
  readonly padding: ReadonlyArray<readonly [number, number]>;
}

/** Nearest-neighbour upsampling of the spatial axes by integer factors. */
export interface UpsampleNode extends NodeBase {
  readonly kind: 'upsample';
  readonly size: readonly number[];
}

/**
 * A population of neurons, one per element of its input. The current is
 * `J = gain * x + bias`; the output is the neuron type's rate (rate types) or its
 * spikes of height `amplitude / dt` (spiking types).
 */
export interface NeuronsNode extends NodeBase {
  readonly kind: 'neurons';
  /** Registered neuron type name, e.g. `LIF`, `RectifiedLinear`. */
  readonly neuronType: string;
  /** Neuron type parameters (e.g. `tauRc`, `tauRef`, `amplitude`); missing ones take the type's defaults. */
  readonly params?: Readonly<Record<string, number>>;
  /** Gain: a scalar (shape []) or one value per neuron. Default 1. */
  readonly gain?: Param;
  /** Bias current: a scalar (shape []) or one value per neuron. Default 0. */
  readonly bias?: Param;
}

/** A named network output; its value is its single input's value. */
export interface OutputNode extends NodeBase {
  readonly kind: 'output';
}

/** Every node kind, discriminated on `kind`. */
export type GraphNode =
  | InputNode
  | DenseNode
  | ConvNode
  | PoolNode
  | GlobalPoolNode
  | AddNode
  | ConcatNode
  | ReshapeNode
  | AffineNode
  | PadNode
  | UpsampleNode
  | NeuronsNode
  | OutputNode;

/** The `kind` names of all nodes. */
export type NodeKind = GraphNode['kind'];

/** A directed edge. The order of the edges into a node is the order of its inputs (concat, add). */
export interface Edge {
  readonly source: string;
  readonly target: string;
  /** Synaptic filter applied to what flows along this edge; absent means none (no delay). */
  readonly synapse?: SynapseSpec;
}

/** A network: named nodes (in insertion order) and directed edges. Graphs are immutable values. */
export interface Graph {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly Edge[];
  /** Free-form metadata (source file, converter options, input scaling ...). */
  readonly metadata?: Readonly<Record<string, unknown>>;
}
