import type { Edge, Graph, GraphNode, Padding, Param, Shape, SynapseSpec } from './types.js';
import { irError } from './error-codes.js';
import { validateNode } from './validate-node.js';
import { validateSynapse } from './synapse-spec.js';
import { inferNodeShape } from './node-shapes.js';
import { inferShapes } from './shapes.js';
import { nodeLabel } from './describe.js';

/** Options every builder method takes. */
export interface NodeOptions {
  /** Node id; generated as `<kind>_<n>` (`dense_1`, `conv_2` ...) when omitted. */
  readonly id?: string;
  /** Whether training may change this node's parameters (default true). */
  readonly trainable?: boolean;
  /** Synapse on the edge(s) into this node, e.g. `{ type: 'lowpass', params: { tau: 0.005 } }`. */
  readonly synapse?: SynapseSpec;
}

/** Options of {@link GraphBuilder.dense}. */
export interface DenseOptions extends NodeOptions {
  readonly weights: Param;
  readonly bias?: Param;
}

/** Options of {@link GraphBuilder.conv}: strides default to 1, padding to `valid`. */
export interface ConvOptions extends NodeOptions {
  readonly kernel: Param;
  readonly bias?: Param;
  readonly strides?: readonly number[];
  readonly padding?: Padding;
  readonly dilation?: readonly number[];
  readonly groups?: number;
}

/** Options of {@link GraphBuilder.pool}: strides default to the window (Keras), padding to `valid`. */
export interface PoolOptions extends NodeOptions {
  readonly op: 'avg' | 'max';
  readonly window: readonly number[];
  readonly strides?: readonly number[];
  readonly padding?: Padding;
}

/** Options of {@link GraphBuilder.neurons}. */
export interface NeuronsOptions extends NodeOptions {
  readonly neuronType: string;
  readonly params?: Readonly<Record<string, number>>;
  readonly gain?: Param;
  readonly bias?: Param;
}

/**
 * Fluent construction of graphs in TypeScript. Every method adds one node, connects it
 * to its inputs, checks it at once (so errors point at the call that caused them) and
 * returns the new node's id. Parameters are stored by reference, not copied.
 *
 * ```ts
 * const b = new GraphBuilder();
 * const x = b.input('image', [28, 28, 1]);
 * let h = b.conv(x, { id: 'conv0', kernel, bias });
 * h = b.neurons(h, { id: 'relu0', neuronType: 'RectifiedLinear' });
 * const y = b.dense(b.flatten(h), { id: 'out', weights });
 * b.output(y, 'probe');
 * const graph = b.build();
 * ```
 */
export class GraphBuilder {
  private readonly nodes: GraphNode[] = [];
  private readonly edges: Edge[] = [];
  private readonly shapes = new Map<string, Shape>();
  private readonly counters = new Map<string, number>();

  /** A network input of `shape` (channels-last, no batch axis). */
  input(id: string, shape: Shape, options: Omit<NodeOptions, 'id' | 'synapse'> = {}): string {
    return this.node('input', [], { ...options, id }, { shape: [...shape] });
  }

  /** Dense transform on the last axis, weights [in, out]. */
  dense(x: string, o: DenseOptions): string {
    return this.node('dense', [x], o, { weights: o.weights, bias: o.bias });
  }

  /** 1-D or 2-D convolution; kernel (kh, kw, cIn/groups, cOut) or (k, cIn/groups, cOut). */
  conv(x: string, o: ConvOptions): string {
    const nSpatial = o.kernel.shape.length - 2;
    return this.node('conv', [x], o, {
      kernel: o.kernel,
      bias: o.bias,
      strides: o.strides ?? new Array<number>(Math.max(nSpatial, 1)).fill(1),
      padding: o.padding ?? 'valid',
      dilation: o.dilation,
      groups: o.groups,
    });
  }

  /** Average or max pooling. */
  pool(x: string, o: PoolOptions): string {
    return this.poolNode(x, o, 'pool');
  }

  private poolNode(x: string, o: PoolOptions, prefix: string): string {
    return this.node('pool', [x], o, { op: o.op, window: o.window, strides: o.strides ?? o.window, padding: o.padding ?? 'valid' }, prefix);
  }

  /** Average pooling (id prefix `avgPool`). */
  avgPool(x: string, o: Omit<PoolOptions, 'op'>): string {
    return this.poolNode(x, { ...o, op: 'avg' }, 'avgPool');
  }

  /** Max pooling (id prefix `maxPool`). */
  maxPool(x: string, o: Omit<PoolOptions, 'op'>): string {
    return this.poolNode(x, { ...o, op: 'max' }, 'maxPool');
  }

  /** Pooling over all spatial positions: (..., C) -> (C). Default op `avg`. */
  globalPool(x: string, o: NodeOptions & { readonly op?: 'avg' | 'max' } = {}): string {
    return this.node('globalPool', [x], o, { op: o.op ?? 'avg' });
  }

  /** Element-wise sum of `xs` (same shapes), times `scale` when given. */
  add(xs: readonly string[], o: NodeOptions & { readonly scale?: number } = {}): string {
    return this.node('add', xs, o, { scale: o.scale });
  }

  /** Concatenation of `xs` along `axis` (default -1: channels). */
  concat(xs: readonly string[], o: NodeOptions & { readonly axis?: number } = {}): string {
    return this.node('concat', xs, o, { axis: o.axis ?? -1 });
  }

  /** Reinterpret the C-order data of `x` under `shape` (explicit positive sizes). */
  reshape(x: string, shape: Shape, o: NodeOptions = {}): string {
    return this.node('reshape', [x], o, { shape: [...shape] });
  }

  /** Reshape to a vector `[n]` (C order of the channels-last shape). Id prefix `flatten`. */
  flatten(x: string, o: NodeOptions = {}): string {
    const n = this.shapeOf(x).reduce((a, b) => a * b, 1);
    return this.node('reshape', [x], o, { shape: [n] }, 'flatten');
  }

  /** `x * scale + bias` on the last axis (scale, bias of shape [C] or []). */
  affine(x: string, o: NodeOptions & { readonly scale: Param; readonly bias: Param }): string {
    return this.node('affine', [x], o, { scale: o.scale, bias: o.bias });
  }

  /** Zero padding, `[before, after]` per spatial axis. */
  pad(x: string, o: NodeOptions & { readonly padding: ReadonlyArray<readonly [number, number]> }): string {
    return this.node('pad', [x], o, { padding: o.padding });
  }

  /** Nearest-neighbour upsampling by integer factors per spatial axis. */
  upsample(x: string, o: NodeOptions & { readonly size: readonly number[] }): string {
    return this.node('upsample', [x], o, { size: o.size });
  }

  /** A neuron population, one neuron per element of `x`. */
  neurons(x: string, o: NeuronsOptions): string {
    return this.node('neurons', [x], o, { neuronType: o.neuronType, params: o.params, gain: o.gain, bias: o.bias });
  }

  /** A named network output fed by `x`; returns its id (`output_<n>` when omitted). */
  output(x: string, id?: string, o: Omit<NodeOptions, 'id'> = {}): string {
    return this.node('output', [x], { ...o, id }, {});
  }

  /** The inferred shape of node `id` added so far. Throws `IR_UNKNOWN_NODE`. */
  shapeOf(id: string): Shape {
    const shape = this.shapes.get(id);
    if (!shape) throw irError('IR_UNKNOWN_NODE', id, `the builder has no node '${id}'; use an id returned by an earlier builder call`);
    return shape;
  }

  /** The graph built so far, validated with {@link inferShapes}. The builder stays usable. */
  build(options: { readonly metadata?: Readonly<Record<string, unknown>> } = {}): Graph {
    const graph: Graph = {
      nodes: [...this.nodes],
      edges: [...this.edges],
      ...(options.metadata === undefined ? {} : { metadata: options.metadata }),
    };
    inferShapes(graph);
    return graph;
  }

  private node(kind: GraphNode['kind'], inputs: readonly string[], o: NodeOptions, body: object, prefix: string = kind): string {
    const id = o.id ?? this.freshId(prefix);
    if (this.shapes.has(id)) {
      throw irError('IR_DUPLICATE_ID', id, `the builder already has a node '${id}'; pick another id or omit it to get a generated one`);
    }
    const fields: Record<string, unknown> = { id, kind };
    if (o.trainable !== undefined) fields.trainable = o.trainable;
    for (const [k, v] of Object.entries(body)) if (v !== undefined) fields[k] = v;
    const node = validateNode(fields, this.nodes.length);
    const synapse = o.synapse === undefined ? undefined : validateSynapse(o.synapse, `${nodeLabel(node)}: option 'synapse'`);
    const inputShapes = inputs.map((src) => {
      const shape = this.shapes.get(src);
      if (!shape) {
        throw irError('IR_UNKNOWN_NODE', src, `${nodeLabel(node)}: input '${src}' is not a node of this builder; pass an id returned by an earlier builder call`);
      }
      if (this.nodes.find((n) => n.id === src)?.kind === 'output') {
        throw irError('IR_BAD_INPUTS', id, `${nodeLabel(node)}: input '${src}' is an output node, and output nodes are sinks; connect the output's source instead`);
      }
      return { id: src, shape };
    });
    const shape = inferNodeShape(node, inputShapes);
    this.nodes.push(node);
    for (const source of inputs) this.edges.push(synapse ? { source, target: id, synapse } : { source, target: id });
    this.shapes.set(id, shape);
    return id;
  }

  private freshId(prefix: string): string {
    let n = this.counters.get(prefix) ?? 0;
    let id: string;
    do id = `${prefix}_${++n}`;
    while (this.shapes.has(id));
    this.counters.set(prefix, n);
    return id;
  }
}
