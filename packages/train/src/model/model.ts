import * as tf from '@tensorflow/tfjs-core';
import { SnnError, inferShapes, inputsOf, topoOrder, type ConvNode, type Graph, type GraphNode, type Shape } from '@snn/ir';
import type { NeuronLookup } from '@snn/sim';
import { convReluPairs, firstConvFeeds, fusedConvRelu, fusedFirstConvPair, inputConvs, inputDemand } from './conv-relu-fusion.js';
import { nodeForward, type NodeForward } from './node-forward.js';
import { neuronParamKey, nodeParams } from './param-fields.js';
import { rateOp } from './rate-op.js';
import { trainingType, type SurrogateParams } from './training-type.js';

/** Options of {@link TrainableModel.forward}. */
export interface ForwardOptions {
  /** Whether gradients with respect to the inputs may be taken after this pass (default true). */
  readonly inputGradients?: boolean;
  /**
   * The variables whose gradients will be taken after this pass (default: the model's trainable
   * variables). With `inputGradients` false, a first conv fed through affine nodes (an input
   * scaling) takes the first-conv paths only while none of those nodes' variables is among them.
   */
  readonly variables?: readonly tf.Variable[];
}

/** Per-node trainable overrides: `{ conv0: false }` freezes conv0 whatever its `trainable` field says. */
export type TrainableOverrides = Readonly<Record<string, boolean>>;

/** Options of {@link createModel}. */
export interface ModelOptions {
  /** Neuron types by name; each neuron node trains through its type's `surrogate` if it has one, else its `rates`. */
  readonly neurons: NeuronLookup;
  /** Default trainable overrides for this model (a `fit` call may override again). */
  readonly trainable?: TrainableOverrides;
  /**
   * Run a conv followed only by a plain ReLU population as one fused op (default true; on
   * the wasm backend this is snn's fused conv + bias + relu kernel). Same values and gradients.
   */
  readonly fuse?: boolean;
  /**
   * Surrogate parameter overrides by neuron type name, e.g. `{ LIF: { sigma: 0.02 } }`
   * (NengoDL's `lif_smoothing`). Unknown parameters are rejected with the node named.
   */
  readonly surrogateParams?: SurrogateParams;
}

/**
 * An IR graph turned into a differentiable tfjs model: one `tf.Variable` per trainable
 * parameter (dense weights/bias, conv kernel/bias, affine scale/bias, neuron gain/bias —
 * only the parameters the graph holds; an absent bias stays absent), one scalar variable
 * `params.<name>` per neuron parameter the node's type lists in `trainableParams` (e.g.
 * QCFS's `params.threshold`; not for nodes that train through a surrogate), and a batched
 * forward pass in rate mode. Synapses are ignored (one step, no filtering), as NengoDL does for
 * non-temporal training. The source graph is never modified; see `exportGraph`.
 */
export class TrainableModel {
  /** The graph the model was built from (untouched). */
  readonly graph: Graph;
  /** Output shape of every node, without the batch axis. */
  readonly shapes: ReadonlyMap<string, Shape>;
  /** Ids of the input nodes, in graph order. */
  readonly inputIds: readonly string[];
  /** Ids of the output nodes, in graph order. */
  readonly outputIds: readonly string[];
  /** The variables of each node that has parameters, by field name (`params.<name>` for neuron parameters). */
  readonly variables: ReadonlyMap<string, Readonly<Record<string, tf.Variable>>>;
  private readonly forwards = new Map<string, NodeForward>();
  private readonly inputsOf = new Map<string, string[]>();
  private readonly order: readonly string[];
  private readonly defaults: TrainableOverrides;
  /** Fused pairs: conv id -> the ReLU neuron node it feeds, and the fused forward passes by conv id. */
  private readonly fused: ReadonlyMap<string, string>;
  private readonly fusedForwards = new Map<string, ReturnType<typeof fusedConvRelu>>();
  /** Fused first convs (fed by an input) -> the fused conv their ReLU feeds. */
  private readonly firstConvs: ReadonlyMap<string, string>;
  /** Fused convs fed by an input, straight or through affine nodes (their ids). */
  private readonly inputConvs: ReadonlyMap<string, string[]>;

  /** Build the model (see {@link createModel}). */
  constructor(graph: Graph, options: ModelOptions) {
    this.graph = graph;
    this.shapes = inferShapes(graph);
    this.order = topoOrder(graph);
    this.inputIds = graph.nodes.filter((n) => n.kind === 'input').map((n) => n.id);
    this.outputIds = graph.nodes.filter((n) => n.kind === 'output').map((n) => n.id);
    this.defaults = options.trainable ?? {};
    this.checkOverrides(this.defaults);
    this.fused = options.fuse === false ? new Map() : convReluPairs(graph, options.neurons, options.surrogateParams);
    this.firstConvs = firstConvFeeds(graph, this.fused);
    this.inputConvs = inputConvs(graph, this.fused);
    const variables = new Map<string, Record<string, tf.Variable>>();
    for (const node of graph.nodes) {
      const ins = inputsOf(graph, node.id).map((e) => e.source);
      this.inputsOf.set(node.id, ins);
      if (node.kind === 'input') continue;
      const trains = node.kind === 'neurons' ? trainingType(node, options.neurons, options.surrogateParams) : undefined;
      const trainable = trains?.own ? (trains.type.trainableParams ?? []) : [];
      const rate = trains && rateOp(trains.type, trains.params, { trainable, where: node.id });
      const inShapes = ins.map((id) => this.shapes.get(id)!);
      this.forwards.set(node.id, nodeForward(node, inShapes, this.shapes.get(node.id)!, rate, trainable));
      const pair = this.fused.get(node.id);
      if (node.kind === 'conv' && pair) this.fusedForwards.set(node.id, fusedConvRelu(node, inShapes[0], this.shapes.get(pair)!));
      const params = nodeParams(node);
      if (params.length === 0 && trainable.length === 0) continue;
      const vars: Record<string, tf.Variable> = {};
      for (const [field, p] of params) vars[field] = tf.variable(tf.tensor(p.data, [...p.shape], 'float32'), true);
      for (const name of trainable) vars[neuronParamKey(name)] = tf.variable(tf.scalar(trains!.params[name], 'float32'), true);
      variables.set(node.id, vars);
    }
    this.variables = variables;
  }

  /** Whether `nodeId`'s parameters train: `overrides`, then the model's overrides, then `node.trainable` (default true). */
  isTrainable(nodeId: string, overrides: TrainableOverrides = {}): boolean {
    const node = this.graph.nodes.find((n) => n.id === nodeId);
    if (!node) throw unknownNode(nodeId, this.graph);
    return overrides[nodeId] ?? this.defaults[nodeId] ?? node.trainable ?? true;
  }

  /** The variables training changes, given per-call overrides. */
  trainableVariables(overrides: TrainableOverrides = {}): tf.Variable[] {
    this.checkOverrides(overrides);
    return [...this.variables].flatMap(([id, vars]) => (this.isTrainable(id, overrides) ? Object.values(vars) : []));
  }

  /**
   * Batched rate-mode forward pass: `inputs` maps every input node id to a tensor
   * `[batch, ...shape]` (or any shape with that many elements per sample); returns the
   * outputs of `nodes` (any node ids), each `[batch, ...shape]`. Call inside `tf.tidy`.
   * `options.inputGradients: false` promises that no gradient with respect to `inputs` will be
   * taken (`fit` does so): a first conv + ReLU (fed by an input, straight or through affine nodes
   * none of whose variables trains, see `options.variables`) then computes its filter and bias
   * gradients in one pass, and a conv it feeds computes its input gradient only where the first
   * conv's input patches are not all zero (when that conv is its only consumer and its output is
   * not asked for, the two run as one op whose gradient takes that input gradient straight into
   * the first conv's). Gradients with respect to the inputs are wrong or refused after such a
   * pass; the variables' gradients are the same.
   */
  forward(inputs: Readonly<Record<string, tf.Tensor>>, nodes: readonly string[], options: ForwardOptions = {}): tf.Tensor[] {
    const needed = this.ancestors(nodes);
    const values = new Map<string, tf.Tensor>();
    const demands = new Map<string, tf.Tensor4D>(); // by the conv whose input gradient they restrict
    const done = new Set<string>(); // nodes a first conv pair computed
    for (const id of this.order) {
      if (!needed.has(id)) continue;
      const shape = this.shapes.get(id)!;
      if (this.inputIds.includes(id)) {
        const x = inputs[id];
        if (!x) throw new SnnError('TRAIN_MISSING_INPUT', `no data for input node '${id}'; pass { ${id}: array } with shape (batch, ${shape.join(', ')})`, { where: id });
        values.set(id, tf.reshape(x, [-1, ...shape]));
        continue;
      }
      if (values.has(id) || done.has(id)) continue; // a ReLU population its conv already computed (fused), or a pair's
      const xs = this.inputsOf.get(id)!.map((s) => values.get(s)!);
      const vars = this.variables.get(id) ?? {};
      const pair = this.fused.get(id);
      if (pair && !nodes.includes(id)) {
        const between = this.inputConvs.get(id);
        const noInputGradient = options.inputGradients === false && between !== undefined && !between.some((a) => this.trains(a, options.variables));
        const next = noInputGradient ? this.firstConvs.get(id) : undefined;
        const demand = next ? inputDemand(this.convNode(id), this.shapes.get(this.inputsOf.get(id)![0])!, xs[0]) : undefined;
        if (next && demand) demands.set(next, demand);
        // the ReLU's output gradient comes only from `next`'s demand kernel: zero where the map is, but for one pixel an image
        const lumped = demand && this.soleConsumer(pair) === next && !nodes.includes(pair) ? demand : undefined;
        const both = lumped && next && !nodes.includes(next) ? this.pairForward(id, next) : undefined;
        if (both) {
          // the first conv and the conv it feeds as one op: its gradient never writes the first conv's output gradient out
          values.set(this.fused.get(next!)!, both(xs[0], vars, this.variables.get(next!) ?? {}, lumped!));
          done.add(pair).add(next!);
          continue;
        }
        values.set(pair, this.fusedForwards.get(id)!(xs, vars, { demand: demands.get(id), inputGradient: !noInputGradient, outputGradientDemand: lumped }));
        continue;
      }
      values.set(id, this.forwards.get(id)!(xs, vars));
    }
    return nodes.map((id) => values.get(id)!);
  }

  /** Free the variables. */
  dispose(): void {
    for (const vars of this.variables.values()) for (const v of Object.values(vars)) v.dispose();
  }

  /** Whether gradients will be taken for any of node `id`'s variables (those of `variables`, else its trainable ones). */
  private trains(id: string, variables?: readonly tf.Variable[]): boolean {
    const own = Object.values(this.variables.get(id) ?? {});
    return variables ? own.some((v) => variables.includes(v)) : own.length > 0 && this.isTrainable(id);
  }

  /** The fused forward pass of first conv `id` and fused conv `next` its ReLU feeds alone, where the backend runs it. */
  private pairForward(id: string, next: string): ReturnType<typeof fusedFirstConvPair> {
    const [first, second] = [this.convNode(id), this.convNode(next)];
    return fusedFirstConvPair(first, this.shapes.get(this.inputsOf.get(id)![0])!, second, this.shapes.get(this.fused.get(next)!)!);
  }

  /** The one node fed by `id`, if exactly one edge leaves it. */
  private soleConsumer(id: string): string | undefined {
    const out = this.graph.edges.filter((e) => e.source === id);
    return out.length === 1 ? out[0].target : undefined;
  }

  private convNode(id: string): ConvNode {
    return this.graph.nodes.find((n) => n.id === id) as ConvNode;
  }

  private ancestors(nodes: readonly string[]): Set<string> {
    const seen = new Set<string>();
    const stack = [...nodes];
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (seen.has(id)) continue;
      if (!this.inputsOf.has(id)) throw unknownNode(id, this.graph);
      seen.add(id);
      stack.push(...this.inputsOf.get(id)!);
    }
    return seen;
  }

  private checkOverrides(overrides: TrainableOverrides): void {
    for (const id of Object.keys(overrides)) if (!this.inputsOf.has(id)) throw unknownNode(id, this.graph);
  }
}

function unknownNode(id: string, graph: Graph): SnnError {
  const ids = graph.nodes.map((n) => n.id).join(', ');
  return new SnnError('TRAIN_UNKNOWN_NODE', `the graph has no node '${id}'; its nodes are: ${ids}`, { where: id });
}

/** Build a {@link TrainableModel} from an IR graph (validated with `inferShapes`). */
export function createModel(graph: Graph, options: ModelOptions): TrainableModel {
  return new TrainableModel(graph, options);
}
