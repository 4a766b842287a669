import { describe, expect, it } from 'vitest';
import type { Graph, Padding } from '../types.js';
import { GraphBuilder } from '../builder.js';
import { getNode } from '../graph-access.js';
import { isSnnError } from '../errors.js';
import { inferShapes } from '../shapes.js';
import { runPure } from '../test-support/pure-pass.js';
import { maxToAvgPool } from './max-to-avg-pool.js';

/** x [side, side, 2] -> max pool (window 2, stride 2, `padding`) -> avg pool -> global max -> out. */
function pools(side: number, padding: Padding = 'valid'): Graph {
  const b = new GraphBuilder();
  const p0 = b.maxPool(b.input('x', [side, side, 2]), { id: 'p0', window: [2, 2], strides: [2, 2], padding });
  const p1 = b.avgPool(p0, { id: 'p1', window: [1, 1], strides: [1, 1] });
  b.output(b.globalPool(p1, { id: 'g', op: 'max' }), 'out');
  return b.build();
}

const ops = (g: Graph): string[] => g.nodes.flatMap((n) => (n.kind === 'pool' || n.kind === 'globalPool' ? [`${n.id}:${n.op}`] : []));

describe('maxToAvgPool (spec §5.4, max_to_avg_pool)', () => {
  it('turns every max pool and global max pool into average pooling; average pools are untouched', () => {
    const { before, after } = runPure(pools(4), (g) => maxToAvgPool(g));
    expect(ops(before)).toEqual(['p0:max', 'p1:avg', 'g:max']);
    expect(ops(after)).toEqual(['p0:avg', 'p1:avg', 'g:avg']);
    expect(getNode(after, 'p1')).toBe(getNode(before, 'p1'));
    expect(inferShapes(after).get('g')).toEqual([2]);
  });

  it('only the listed nodes; listed ids must be pool nodes', () => {
    expect(ops(runPure(pools(4), (g) => maxToAvgPool(g, { nodes: ['g'] })).after)).toEqual(['p0:max', 'p1:avg', 'g:avg']);
    expect(() => maxToAvgPool(pools(4), { nodes: ['x'] })).toThrow(/node 'x' \(input\); only pool and globalPool nodes pool/);
    expect(() => maxToAvgPool(pools(4), { nodes: ['p9'] })).toThrow(/names 'p9', which is not a node of the graph/);
  });

  it("'same' or explicit padding that pads nothing becomes 'valid' (same output shape)", () => {
    for (const padding of ['same', [[0, 0], [0, 0]]] as const) {
      const { before, after } = runPure(pools(4, padding), (g) => maxToAvgPool(g));
      expect(getNode(after, 'p0')).toMatchObject({ op: 'avg', padding: 'valid' });
      expect(inferShapes(after).get('p0')).toEqual(inferShapes(before).get('p0'));
    }
  });

  it("a window reaching into padding cannot be a fixed average: IR_NOT_CONVERTIBLE naming the node and the pads", () => {
    // 5 rows, window 2, stride 2, 'same': out 3, pad total (3-1)*2+2-5 = 1 -> [0, 1]
    try {
      maxToAvgPool(pools(5, 'same'));
      expect.unreachable();
    } catch (e) {
      expect(isSnnError(e, 'IR_NOT_CONVERTIBLE'), String(e)).toBe(true);
      expect((e as Error).message).toContain("node 'p0' (pool) has padding 'same', which pads the input [5, 5, 2] by [0, 1], [0, 1]");
    }
    expect(ops(maxToAvgPool(pools(5, 'same'), { nodes: ['g'] }))).toEqual(['p0:max', 'p1:avg', 'g:avg']);
  });
});
