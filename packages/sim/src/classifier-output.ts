import { SnnError, type Graph, type Shape } from '@snn/ir';

/** Keras metadata an imported graph carries (only what the command line reads). */
interface OutputsMetadata {
  readonly outputs?: readonly { readonly node: string; readonly layer: string; readonly activation?: string }[];
}

/**
 * The output node to classify with: `wanted` (an output node id or Keras layer name), or
 * else the last output (in Keras order where the graph records it) with `classes` values.
 * Models may output hidden layers too (the TensorFlow.js fixture outputs eight).
 */
export function classifierOutput(graph: Graph, shapes: ReadonlyMap<string, Shape>, classes: number, wanted?: string): string {
  const meta = (graph.metadata ?? {}) as OutputsMetadata;
  const ordered = meta.outputs?.map((o) => o.node) ?? graph.nodes.filter((n) => n.kind === 'output').map((n) => n.id);
  const size = (id: string): number => (shapes.get(id) ?? []).reduce((a, b) => a * b, 1);
  const describe = (): string => ordered.map((id) => `${id} (${size(id)} values)`).join(', ');
  if (wanted !== undefined) {
    const byLayer = meta.outputs?.find((o) => o.layer === wanted)?.node;
    const id = ordered.includes(wanted) ? wanted : byLayer;
    if (id === undefined) throw new SnnError('SIM_OUTPUT', `output '${wanted}' is not an output of the model; its outputs: ${describe()}`, { where: wanted });
    if (size(id) !== classes) throw new SnnError('SIM_OUTPUT', `output '${id}' has ${size(id)} values, but the data has ${classes} classes; its outputs: ${describe()}`, { where: id });
    return id;
  }
  const fits = ordered.filter((id) => size(id) === classes);
  if (fits.length === 0) throw new SnnError('SIM_OUTPUT', `the model has no output with ${classes} values (one per class); its outputs: ${describe()}`);
  return fits[fits.length - 1];
}
