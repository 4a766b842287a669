import type { Graph, PoolNode, Shape } from '../types.js';
import { irError } from '../error-codes.js';
import { fmtShape, nodeLabel } from '../describe.js';
import { samePadding } from '../conv-size.js';
import { inferShapes } from '../shapes.js';
import { mapNodes } from './map-nodes.js';
import { selectNodes } from './select-nodes.js';

/** Options of {@link maxToAvgPool}. */
export interface MaxToAvgPoolOptions {
  /** Only these `pool` / `globalPool` node ids (default: every max pool). */
  readonly nodes?: readonly string[];
}

/**
 * Turn max pooling into average pooling (NengoDL `max_to_avg_pool`, spec §5.4): `pool` and
 * `globalPool` nodes with `op: 'max'` get `op: 'avg'`, all of them or the listed ones
 * (listed ids must be pool or globalPool nodes; average ones stay as they are).
 *
 * A window that reaches into padding cannot become a fixed average (TensorFlow leaves the
 * padded cells out of the mean, as NengoDL's converter notes), so such pools throw
 * `IR_NOT_CONVERTIBLE`; `same` or explicit padding that pads nothing for the input's shape
 * becomes `valid` (same output size). Returns a new graph; the input is not modified.
 */
export function maxToAvgPool(graph: Graph, options: MaxToAvgPoolOptions = {}): Graph {
  const listed =
    options.nodes === undefined
      ? undefined
      : selectNodes(graph, options.nodes, 'maxToAvgPool', 'the node list', ['pool', 'globalPool'], 'only pool and globalPool nodes pool');
  let shapes: Map<string, Shape> | undefined;
  const inputShape = (node: PoolNode): Shape => {
    shapes ??= inferShapes(graph);
    const edge = graph.edges.find((e) => e.target === node.id);
    return shapes.get(edge?.source ?? '') ?? [];
  };
  return mapNodes(graph, (node) => {
    if ((node.kind !== 'pool' && node.kind !== 'globalPool') || node.op !== 'max' || (listed && !listed.has(node.id))) return node;
    if (node.kind === 'globalPool') return { ...node, op: 'avg' };
    return { ...node, op: 'avg', padding: unpaddedOrThrow(node, inputShape) };
  });
}

/** `'valid'` when the pool's windows never reach padding; else throw `IR_NOT_CONVERTIBLE`. */
function unpaddedOrThrow(node: PoolNode, inputShape: (node: PoolNode) => Shape): 'valid' {
  if (node.padding === 'valid') return 'valid';
  const same = node.padding === 'same';
  const shape = same ? inputShape(node) : [];
  const pads = same ? node.window.map((k, a) => samePadding(shape[a], k, node.strides[a])) : (node.padding as readonly (readonly [number, number])[]);
  if (pads.every(([before, after]) => before === 0 && after === 0)) return 'valid';
  const shown = `${same ? `'same', which pads the input ${fmtShape(shape)} by ` : ''}${pads.map(([b, a]) => `[${b}, ${a}]`).join(', ')}`;
  throw irError(
    'IR_NOT_CONVERTIBLE',
    node.id,
    `maxToAvgPool: ${nodeLabel(node)} has padding ${shown}; windows reaching into padding average fewer cells (TensorFlow leaves the padded ones out), which a fixed average cannot represent. Keep max pooling for this node (list the other pools in 'nodes'), or use padding 'valid'`,
  );
}
