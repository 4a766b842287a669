import type { Graph } from '@snn/ir';
import { trainError } from '../error-codes.js';

/** Keras layer names recorded by `@snn/keras-import` in `graph.metadata.layers` (name -> the IR nodes made for it). */
type LayerMap = Readonly<Record<string, { readonly nodes?: readonly string[] }>>;

/**
 * The neurons node ids that `names` stand for, in graph order without repeats: each name is
 * a neurons node id, or a Keras layer name (`graph.metadata.layers`) whose layer made
 * neurons nodes (a Conv2D with a relu activation makes a conv node and a neurons node).
 * Without `names`, every neurons node. A name that is neither is `TRAIN_UNKNOWN_NODE`; one
 * that names only non-neuron nodes is `TRAIN_NOT_NEURONS`. `what` names the option in
 * messages (e.g. `--rate-layer`).
 */
export function neuronLayerIds(graph: Graph, names?: readonly string[], what = 'layer'): string[] {
  const neurons = graph.nodes.filter((n) => n.kind === 'neurons').map((n) => n.id);
  if (names === undefined) return neurons;
  const layers = (graph.metadata?.layers ?? {}) as LayerMap;
  const chosen = new Set<string>();
  const available = (): string => {
    // Keras layer names that differ from their neurons node ids (an Activation layer's node has its name)
    const keras = Object.entries(layers)
      .filter(([name, l]) => !neurons.includes(name) && l.nodes?.some((id) => neurons.includes(id)))
      .map(([name]) => name);
    const ids = neurons.join(', ') || 'none';
    return keras.length > 0 ? `neuron nodes: ${ids}; Keras layers with neurons: ${keras.join(', ')}` : `neuron nodes: ${ids}`;
  };
  for (const name of names) {
    const node = graph.nodes.find((n) => n.id === name);
    const layer = Object.prototype.hasOwnProperty.call(layers, name) ? layers[name] : undefined;
    if (node?.kind === 'neurons') {
      chosen.add(name);
      continue;
    }
    const fromLayer = (layer?.nodes ?? []).filter((id) => neurons.includes(id));
    if (fromLayer.length > 0) {
      for (const id of fromLayer) chosen.add(id);
      continue;
    }
    if (node === undefined && layer === undefined) {
      throw trainError('TRAIN_UNKNOWN_NODE', name, `${what} '${name}' is neither a node nor a Keras layer of the model; ${available()}`);
    }
    const kind = node ? `a ${node.kind} node` : 'a Keras layer without an activation';
    throw trainError('TRAIN_NOT_NEURONS', name, `${what} '${name}' is ${kind}, not a neuron layer: it has no firing rate; ${available()}`);
  }
  return neurons.filter((id) => chosen.has(id));
}
