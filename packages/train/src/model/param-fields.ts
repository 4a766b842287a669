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
