import { getNode, inferShapes, outputsOf, type ConvNode, type DenseNode, type Edge, type Graph, type NeuronsNode, type Shape } from '@snn/ir';
import { loihiError } from '../error-codes.js';

/** How a neurons node runs on the chip: LIF compartments or non-leaky integrate-and-fire (spiking ReLU). */
export type ChipNeuronKind = 'lif' | 'relu';

/** Neuron types the mapper places on the chip (spec §1.3: Nengo's LIF / SpikingRectifiedLinear behave as the Loihi types). */
export const CHIP_NEURON_TYPES: Readonly<Record<string, ChipNeuronKind>> = {
  LoihiLIF: 'lif',
  LIF: 'lif',
  LoihiSpikingRectifiedLinear: 'relu',
  SpikingRectifiedLinear: 'relu',
};

/** One neurons population of a sequential graph with the transform feeding it. */
export interface ChainLayer {
  /** The neurons node (its id names the layer). */
  readonly neurons: NeuronsNode;
  readonly kind: ChipNeuronKind;
  /** Dense or conv node between the previous layer (or the input) and these neurons; none when fed directly. */
  readonly transform?: DenseNode | ConvNode;
  /** Shape of what the transform reads (the previous layer's or the input's shape). */
  readonly inShape: Shape;
  /** Shape of the population. */
  readonly shape: Shape;
  /** Lowpass time constant (s) on the path from the previous layer; 0 for no synapse. */
  readonly tauS: number;
  /** Runs on the host. */
  readonly offChip: boolean;
}

/** The host dense layer reading the last population. */
export interface ChainOutput {
  readonly dense: DenseNode;
  /** Output node id. */
  readonly id: string;
  /** Lowpass time constant (s) on the path from the last population; 0 for none. */
  readonly tauS: number;
}

/** A sequential graph read as input -> layers -> host dense output. */
export interface Chain {
  readonly inputId: string;
  readonly inputShape: Shape;
  readonly layers: readonly ChainLayer[];
  readonly output: ChainOutput;
}

/** Options shared by the mapper's entry points. */
export interface ChainOptions {
  /** Neurons node ids that run on the host (default: the first population, Nengo's "to-spikes" layer). */
  readonly offChip?: readonly string[];
}

/**
 * Read `graph` as input -> ([dense|conv] -> neurons)+ -> dense -> output, skipping reshapes
 * (flatten keeps C order). Throws `LOIHI_UNSUPPORTED` naming the node that breaks the pattern.
 */
export function readChain(graph: Graph, options: ChainOptions = {}): Chain {
  const inputs = graph.nodes.filter((n) => n.kind === 'input');
  if (inputs.length !== 1) unsupported('graph', `the Loihi mapper needs exactly one input node, found ${inputs.length}`);
  const shapes = inferShapes(graph);
  const input = inputs[0]!;
  const layers: ChainLayer[] = [];
  let prevId = input.id;
  let edge = single(graph, input.id);
  for (;;) {
    const synapses: Edge[] = [edge];
    let node = getNode(graph, edge.target);
    while (node.kind === 'reshape') {
      edge = single(graph, node.id);
      synapses.push(edge);
      node = getNode(graph, edge.target);
    }
    let transform: DenseNode | ConvNode | undefined;
    if (node.kind === 'dense' || node.kind === 'conv') {
      transform = node;
      edge = single(graph, node.id);
      synapses.push(edge);
      node = getNode(graph, edge.target);
    }
    if (node.kind === 'output' && transform?.kind === 'dense' && layers.length > 0) {
      const output = { dense: transform, id: node.id, tauS: lowpassTau(synapses) };
      const offChip = new Set(options.offChip ?? [layers[0]!.neurons.id]);
      for (const id of offChip) if (!layers.some((l) => l.neurons.id === id)) unsupported(id, `offChip names "${id}", which is not a neurons node of the chain`);
      return {
        inputId: input.id,
        inputShape: shapes.get(input.id)!,
        layers: layers.map((l) => ({ ...l, offChip: offChip.has(l.neurons.id) })),
        output,
      };
    }
    if (node.kind !== 'neurons') {
      return unsupported(node.id, `node "${node.id}" (${node.kind}) breaks the input -> [dense|conv] -> neurons -> ... -> dense -> output chain the Loihi mapper handles`);
    }
    const kind = CHIP_NEURON_TYPES[node.neuronType];
    if (kind === undefined) {
      unsupported(node.id, `neurons node "${node.id}" is ${node.neuronType}; Loihi runs ${Object.keys(CHIP_NEURON_TYPES).join(', ')} (swap the neuron type first)`);
    }
    if (transform?.kind === 'conv' && (transform.groups ?? 1) !== 1) unsupported(transform.id, `conv "${transform.id}" has groups; Loihi mapping needs groups 1`);
    layers.push({ neurons: node, kind: kind!, transform, inShape: shapes.get(transform ? prevOf(graph, transform.id) : prevId)!, shape: shapes.get(node.id)!, tauS: lowpassTau(synapses), offChip: false });
    prevId = node.id;
    edge = single(graph, node.id);
  }
}

/** The node feeding `id` (a transform has one input). */
function prevOf(graph: Graph, id: string): string {
  return graph.edges.find((e) => e.target === id)!.source;
}

function single(graph: Graph, id: string): Edge {
  const out = outputsOf(graph, id);
  if (out.length !== 1) unsupported(id, `node "${id}" feeds ${out.length} nodes; the Loihi mapper handles sequential graphs only`);
  const into = graph.edges.filter((e) => e.target === out[0]!.target);
  if (into.length !== 1) unsupported(out[0]!.target, `node "${out[0]!.target}" has ${into.length} inputs; the Loihi mapper handles sequential graphs only`);
  return out[0]!;
}

/** The lowpass time constant on a path of edges (at most one synapse, a lowpass). */
function lowpassTau(edges: readonly Edge[]): number {
  const withSynapse = edges.filter((e) => e.synapse !== undefined);
  if (withSynapse.length === 0) return 0;
  const e = withSynapse[0]!;
  const where = `edge '${e.source}' -> '${e.target}'`;
  if (withSynapse.length > 1) unsupported(where, `${where}: more than one synapse between two populations; Loihi has one input filter per block, keep one lowpass`);
  if (e.synapse!.type !== 'lowpass') unsupported(where, `${where}: Cannot handle non-Lowpass synapses (got ${e.synapse!.type}); use { type: 'lowpass', params: { tau } }`);
  return e.synapse!.params?.tau ?? unsupported(where, `${where}: lowpass synapse without params.tau`);
}

function unsupported(where: string, message: string): never {
  throw loihiError('LOIHI_UNSUPPORTED', message, where);
}
