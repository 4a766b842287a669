import type { GraphNode, Param } from '@snn/ir';

/** The parameter fields training may change, per node kind (what NengoDL trains). */
export const TRAINABLE_FIELDS: Readonly<Partial<Record<GraphNode['kind'], readonly string[]>>> = {
  dense: ['weights', 'bias'],
  conv: ['kernel', 'bias'],
  affine: ['scale', 'bias'],
  neurons: ['gain', 'bias'],
};

/** The parameters a node holds, by field name (absent optional fields are skipped). */
export function nodeParams(node: GraphNode): Array<[string, Param]> {
  const fields = TRAINABLE_FIELDS[node.kind] ?? [];
  const record = node as unknown as Record<string, Param | undefined>;
  return fields.flatMap((f) => (record[f] === undefined ? [] : [[f, record[f]] as [string, Param]]));
}

/**
 * Variable key of a trained neuron parameter: `params.<name>` (e.g. `params.threshold`), kept
 * apart from the node's array fields; `exportGraph` writes its value into `node.params[name]`.
 */
export function neuronParamKey(name: string): string {
  return `params.${name}`;
}

/** The neuron parameter name of a variable key made by {@link neuronParamKey}, else undefined. */
export function neuronParamName(key: string): string | undefined {
  return key.startsWith('params.') ? key.slice('params.'.length) : undefined;
}
