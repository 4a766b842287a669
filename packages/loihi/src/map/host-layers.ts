import type { Edge, Graph, GraphNode } from '@snn/ir';
import { compile, type NeuronLookup, type SynapseLookup } from '@snn/sim';
import type { LoihiMapping } from './map-to-loihi.js';

/** Spikes of the last host population: `samples x steps x neurons` flags, and its mean rate. */
export interface HostSpikes {
  readonly spikes: Uint8Array;
  readonly firingRateHz: number;
}

/**
 * Run the off-chip populations with the float simulator (spiking, the graph's own neuron types
 * and synapses) on constant `images` for `steps` steps and return the last one's spikes.
 */
export function runHostLayers(
  mapping: LoihiMapping,
  graph: Graph,
  images: Float32Array,
  steps: number,
  registries: { readonly neurons: NeuronLookup; readonly synapses: SynapseLookup },
): HostSpikes {
  const last = mapping.hostLayers[mapping.hostLayers.length - 1]!.neurons.id;
  const sim = compile(hostGraph(graph, last), { ...registries, mode: 'spiking', dt: mapping.dt });
  try {
    const run = sim.run({ [mapping.chain.inputId]: images }, { nSteps: steps, probes: { s: { node: last, keep: 'all' } } });
    const data = run.probes.s!.data;
    const spikes = new Uint8Array(data.length);
    for (let i = 0; i < data.length; i++) spikes[i] = data[i] !== 0 ? 1 : 0;
    return { spikes, firingRateHz: run.stats[last]!.firingRateHz };
  } finally {
    sim.dispose(); // its neuron memory is freed: one simulator per batch of a long run
  }
}

/** The graph cut after node `last`: the nodes on the input's path to it, plus an output. */
function hostGraph(graph: Graph, last: string): Graph {
  const nodes: GraphNode[] = [];
  const edges: Edge[] = [];
  let id = graph.nodes.find((n) => n.kind === 'input')!.id;
  for (;;) {
    nodes.push(graph.nodes.find((n) => n.id === id)!);
    if (id === last) break;
    const e = graph.edges.find((x) => x.source === id)!;
    edges.push(e);
    id = e.target;
  }
  nodes.push({ kind: 'output', id: `${last}__host_out` });
  edges.push({ source: last, target: `${last}__host_out` });
  return { nodes, edges };
}
