import { describe, expect, it } from 'vitest';
import type { Edge, Graph, GraphNode, Shape } from './types.js';
import { inferShapes } from './shapes.js';
import { param, scalar, zeros } from './param.js';
import { SnnError } from './errors.js';

type Body = Record<string, unknown> & { kind: string };

/** input 'x' of `shape` -> node 'n' -> output 'y'. */
function chain(shape: Shape, body: Body): Graph {
  return {
    nodes: [{ id: 'x', kind: 'input', shape }, { id: 'n', ...body } as unknown as GraphNode, { id: 'y', kind: 'output' }],
    edges: [
      { source: 'x', target: 'n' },
      { source: 'n', target: 'y' },
    ],
  };
}

const shapeOf = (shape: Shape, body: Body): Shape => inferShapes(chain(shape, body)).get('n')!;

/** Run `fn`, expect an SnnError with `code` whose message contains every fragment. */
function expectError(fn: () => unknown, code: string, ...fragments: string[]): SnnError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(SnnError);
    const err = e as SnnError;
    expect(err.code, err.message).toBe(code);
    for (const f of fragments) expect(err.message).toContain(f);
    return err;
  }
  throw new Error(`expected an SnnError ${code}, but nothing was thrown`);
}

const conv = (kernel: Shape, extra: Record<string, unknown> = {}): Body => ({
  kind: 'conv',
  kernel: zeros(kernel),
  strides: kernel.length === 4 ? [1, 1] : [1],
  padding: 'valid',
  ...extra,
});

describe('inferShapes: shapes of every kind', () => {
  it('input and output', () => {
    const shapes = inferShapes(chain([28, 28, 1], { kind: 'reshape', shape: [784] }));
    expect(shapes.get('x')).toEqual([28, 28, 1]);
    expect(shapes.get('y')).toEqual([784]);
    expect([...shapes.keys()]).toEqual(['x', 'n', 'y']);
  });

  it('dense acts on the last axis with weights [in, out]', () => {
    expect(shapeOf([784], { kind: 'dense', weights: zeros([784, 10]), bias: zeros([10]) })).toEqual([10]);
    expect(shapeOf([5, 7], { kind: 'dense', weights: zeros([7, 3]) })).toEqual([5, 3]);
  });

  it('conv 2-D: stride 1/2, same/valid, as TensorFlow', () => {
    expect(shapeOf([28, 28, 1], conv([3, 3, 1, 32]))).toEqual([26, 26, 32]);
    expect(shapeOf([28, 28, 1], conv([3, 3, 1, 8], { strides: [2, 2], padding: 'same' }))).toEqual([14, 14, 8]);
    expect(shapeOf([28, 28, 1], conv([3, 3, 1, 8], { strides: [2, 2], padding: 'valid' }))).toEqual([13, 13, 8]);
    expect(shapeOf([26, 26, 32], conv([3, 3, 32, 64], { strides: [2, 2] }))).toEqual([12, 12, 64]);
    expect(shapeOf([28, 28, 1], conv([3, 3, 1, 4], { padding: 'same' }))).toEqual([28, 28, 4]);
    expect(shapeOf([10, 12, 3], conv([3, 5, 3, 2], { strides: [1, 2] }))).toEqual([8, 4, 2]);
  });

  it('conv with explicit padding, dilation and groups', () => {
    expect(shapeOf([28, 28, 1], conv([5, 5, 1, 6], { padding: [[2, 2], [2, 2]] }))).toEqual([28, 28, 6]);
    expect(shapeOf([7, 7, 1], conv([3, 3, 1, 1], { strides: [2, 2], padding: [[1, 0], [0, 0]] }))).toEqual([3, 3, 1]);
    expect(shapeOf([10, 10, 1], conv([3, 3, 1, 1], { dilation: [2, 2] }))).toEqual([6, 6, 1]); // effective window 5
    expect(shapeOf([8, 8, 4], conv([3, 3, 2, 6], { groups: 2 }))).toEqual([6, 6, 6]);
  });

  it('conv 1-D on (L, C) with kernel (k, cIn, cOut)', () => {
    expect(shapeOf([100, 3], conv([5, 3, 16]))).toEqual([96, 16]);
    expect(shapeOf([100, 3], conv([5, 3, 16], { strides: [3], padding: 'same' }))).toEqual([34, 16]);
  });

  it('pool: window and strides per spatial axis, channels kept', () => {
    const pool = { kind: 'pool', op: 'avg', window: [2, 2], strides: [2, 2], padding: 'valid' };
    expect(shapeOf([24, 24, 6], pool)).toEqual([12, 12, 6]);
    expect(shapeOf([25, 25, 6], pool)).toEqual([12, 12, 6]);
    expect(shapeOf([25, 25, 6], { ...pool, op: 'max', padding: 'same' })).toEqual([13, 13, 6]);
    expect(shapeOf([9, 9, 2], { ...pool, window: [3, 3], strides: [1, 2] })).toEqual([7, 4, 2]);
    expect(shapeOf([10, 4], { ...pool, window: [2], strides: [2] })).toEqual([5, 4]);
  });

  it('globalPool: (..., C) -> [C]', () => {
    expect(shapeOf([7, 7, 64], { kind: 'globalPool', op: 'avg' })).toEqual([64]);
    expect(shapeOf([30, 5], { kind: 'globalPool', op: 'max' })).toEqual([5]);
  });

  it('add keeps the common shape; concat sums the axis (negative from the end)', () => {
    const g: Graph = {
      nodes: [
        { id: 'a', kind: 'input', shape: [4, 4, 3] },
        { id: 'b', kind: 'input', shape: [4, 4, 5] },
        { id: 'cat', kind: 'concat', axis: -1 },
        { id: 'cat0', kind: 'concat', axis: 0 },
        { id: 'sum', kind: 'add', scale: 0.5 },
      ],
      edges: [
        { source: 'a', target: 'cat' },
        { source: 'b', target: 'cat' },
        { source: 'b', target: 'cat0' },
        { source: 'b', target: 'cat0' },
        { source: 'a', target: 'sum' },
        { source: 'a', target: 'sum' },
      ],
    };
    const shapes = inferShapes(g);
    expect(shapes.get('cat')).toEqual([4, 4, 8]);
    expect(shapes.get('cat0')).toEqual([8, 4, 5]);
    expect(shapes.get('sum')).toEqual([4, 4, 3]);
  });

  it('reshape keeps the element count', () => {
    expect(shapeOf([12, 12, 64], { kind: 'reshape', shape: [9216] })).toEqual([9216]);
    expect(shapeOf([6], { kind: 'reshape', shape: [2, 3] })).toEqual([2, 3]);
  });

  it('affine: scale/bias of [C] or scalar', () => {
    expect(shapeOf([5, 5, 3], { kind: 'affine', scale: zeros([3]), bias: scalar(1) })).toEqual([5, 5, 3]);
  });

  it('pad adds before + after per spatial axis; upsample multiplies them', () => {
    expect(shapeOf([28, 28, 1], { kind: 'pad', padding: [[1, 2], [0, 3]] })).toEqual([31, 31, 1]);
    expect(shapeOf([7, 5, 4], { kind: 'upsample', size: [2, 3] })).toEqual([14, 15, 4]);
    expect(shapeOf([7, 4], { kind: 'upsample', size: [4] })).toEqual([28, 4]);
  });

  it('neurons keep the input shape; gain/bias scalar, input-shaped or [n]', () => {
    const n = { kind: 'neurons', neuronType: 'LIF' };
    expect(shapeOf([4, 4, 2], { ...n, gain: scalar(2), bias: zeros([4, 4, 2]) })).toEqual([4, 4, 2]);
    expect(shapeOf([4, 4, 2], { ...n, gain: zeros([32]), params: { amplitude: 0.5 } })).toEqual([4, 4, 2]);
  });

  it('an empty graph has no shapes', () => {
    expect(inferShapes({ nodes: [], edges: [] }).size).toBe(0);
  });
});

describe('inferShapes: errors name the node, the field and the fix', () => {
  it('duplicate ids', () => {
    const g = { nodes: [{ id: 'a', kind: 'input', shape: [1] }, { id: 'a', kind: 'output' }], edges: [] } as unknown as Graph;
    expectError(() => inferShapes(g), 'IR_DUPLICATE_ID', "'a'", 'unique');
  });

  it('edges naming unknown nodes', () => {
    const g = chain([3], { kind: 'reshape', shape: [3] });
    const bad: Graph = { ...g, edges: [...g.edges, { source: 'x', target: 'ghost' }] };
    const err = expectError(() => inferShapes(bad), 'IR_UNKNOWN_NODE', "'ghost'", "'x' -> 'ghost'");
    expect(err.where).toBe('ghost');
  });

  it('cycles, listing the nodes on the cycle', () => {
    const g: Graph = {
      nodes: [
        { id: 'x', kind: 'input', shape: [2] },
        { id: 'a', kind: 'add' },
        { id: 'b', kind: 'neurons', neuronType: 'LIF' },
      ],
      edges: [
        { source: 'x', target: 'a' },
        { source: 'a', target: 'b' },
        { source: 'b', target: 'a' },
      ],
    };
    expectError(() => inferShapes(g), 'IR_CYCLE', "'a' -> 'b' -> 'a'");
  });

  it('input counts per kind', () => {
    const g: Graph = {
      nodes: [
        { id: 'x', kind: 'input', shape: [2] },
        { id: 'z', kind: 'input', shape: [2] },
        { id: 'd', kind: 'dense', weights: zeros([2, 2]) },
      ],
      edges: [
        { source: 'x', target: 'd' },
        { source: 'z', target: 'd' },
      ],
    };
    expectError(() => inferShapes(g), 'IR_BAD_INPUTS', "node 'd' (dense)", '2 inputs', 'exactly 1');
    const lonely: Graph = { nodes: [{ id: 's', kind: 'add' }], edges: [] };
    expectError(() => inferShapes(lonely), 'IR_BAD_INPUTS', "node 's' (add)", 'at least 1');
    const fedInput: Graph = {
      nodes: [{ id: 'x', kind: 'input', shape: [2] }, { id: 'x2', kind: 'input', shape: [2] }],
      edges: [{ source: 'x', target: 'x2' }],
    };
    expectError(() => inferShapes(fedInput), 'IR_BAD_INPUTS', "node 'x2' (input)", 'none');
  });

  it('output nodes must be sinks', () => {
    const g = chain([3], { kind: 'reshape', shape: [3] });
    const bad: Graph = {
      nodes: [...g.nodes, { id: 'after', kind: 'neurons', neuronType: 'LIF' }],
      edges: [...g.edges, { source: 'y', target: 'after' }],
    };
    expectError(() => inferShapes(bad), 'IR_BAD_INPUTS', "node 'y' (output)", "'after'", 'sinks');
  });

  it('param length differs from its shape product', () => {
    const w = { shape: [784, 10], data: new Float32Array(7839) };
    expectError(() => inferShapes(chain([784], { kind: 'dense', weights: w })), 'IR_BAD_PARAM', "node 'n' (dense)", "field 'weights'", '7840', '7839');
  });

  it('non-finite parameter values', () => {
    const w = param([1, 2, Number.NaN, 4], [2, 2]);
    expectError(() => inferShapes(chain([2], { kind: 'dense', weights: w })), 'IR_NOT_FINITE', "node 'n' (dense)", "field 'weights'", 'NaN', 'index 2');
    const b = scalar(Infinity);
    expectError(() => inferShapes(chain([2], { kind: 'neurons', neuronType: 'LIF', bias: b })), 'IR_NOT_FINITE', "field 'bias'", 'Infinity');
  });

  it('unknown kinds, missing and ill-typed fields', () => {
    expectError(() => inferShapes(chain([2], { kind: 'dense2' })), 'IR_UNKNOWN_KIND', "node 'n'", "'dense2'", 'known kinds');
    expectError(() => inferShapes(chain([4, 4, 1], { kind: 'pool', op: 'avg', window: [2, 2], padding: 'valid' })), 'IR_MISSING_FIELD', "node 'n' (pool)", "'strides'");
    expectError(() => inferShapes(chain([4, 4, 1], conv([3, 3, 1, 1], { padding: 'full' }))), 'IR_BAD_FIELD', "field 'padding'", "'full'");
    expectError(() => inferShapes(chain([4, 4, 1], conv([3, 3, 1, 1], { strides: [0, 1] }))), 'IR_BAD_FIELD', "field 'strides'", 'positive');
    expectError(() => inferShapes(chain([2], { kind: 'add', scale: Number.NaN })), 'IR_NOT_FINITE', "field 'scale'");
    expectError(() => inferShapes(chain([2], { kind: 'neurons', neuronType: 'LIF', params: { tauRc: Number.NaN } })), 'IR_NOT_FINITE', "'tauRc'");
  });

  it('dense weights that do not match the last axis', () => {
    expectError(
      () => inferShapes(chain([9216], { kind: 'dense', weights: zeros([784, 10]) })),
      'IR_SHAPE_MISMATCH',
      "node 'n' (dense)",
      "field 'weights'",
      '[784, 10]',
      '[9216]',
      'transpose',
    );
    expectError(() => inferShapes(chain([4], { kind: 'dense', weights: zeros([4, 3]), bias: zeros([4]) })), 'IR_BAD_PARAM', "field 'bias'", '[3]');
  });

  it('conv kernels that do not fit the input', () => {
    expectError(() => inferShapes(chain([28, 28, 3], conv([3, 3, 1, 8]))), 'IR_SHAPE_MISMATCH', "node 'n' (conv)", "field 'kernel'", '[3, 3, 1, 8]', '[28, 28, 3]', 'cIn/groups = 3');
    expectError(() => inferShapes(chain([784], conv([3, 3, 1, 8]))), 'IR_SHAPE_MISMATCH', "node 'n' (conv)", '[784]', 'channels-last');
    expectError(() => inferShapes(chain([28, 28, 1], conv([3, 1, 8]))), 'IR_BAD_PARAM', "field 'kernel'", '(kh, kw, cIn/groups, cOut)');
    expectError(() => inferShapes(chain([28, 28, 1], conv([3, 3, 1, 8], { strides: [2] }))), 'IR_SHAPE_MISMATCH', "field 'strides'", '2 spatial axes');
    expectError(() => inferShapes(chain([2, 2, 1], conv([3, 3, 1, 8]))), 'IR_SHAPE_MISMATCH', 'does not fit', 'size 2');
    expectError(() => inferShapes(chain([4, 4, 3], conv([3, 3, 1, 8], { groups: 2 }))), 'IR_SHAPE_MISMATCH', "field 'groups'");
    expectError(() => inferShapes(chain([4, 4, 1], conv([3, 3, 1, 8], { bias: zeros([4]) }))), 'IR_BAD_PARAM', "field 'bias'", '[8]');
  });

  it('pool, pad and upsample need one entry per spatial axis', () => {
    const pool = { kind: 'pool', op: 'max', window: [2, 2, 2], strides: [2, 2, 2], padding: 'valid' };
    expectError(() => inferShapes(chain([8, 8, 1], pool)), 'IR_SHAPE_MISMATCH', "node 'n' (pool)", "field 'window'", '2 spatial axes');
    expectError(() => inferShapes(chain([8, 8, 1], { kind: 'pad', padding: [[1, 1]] })), 'IR_SHAPE_MISMATCH', "node 'n' (pad)", "field 'padding'");
    expectError(() => inferShapes(chain([8, 8, 1], { kind: 'upsample', size: [2] })), 'IR_SHAPE_MISMATCH', "node 'n' (upsample)", "field 'size'");
    expectError(() => inferShapes(chain([8], { kind: 'globalPool', op: 'avg' })), 'IR_SHAPE_MISMATCH', "node 'n' (globalPool)", '[8]');
  });

  it('add and concat inputs that disagree', () => {
    const two = (kind: 'add' | 'concat', a: Shape, b: Shape): Graph => ({
      nodes: [
        { id: 'a', kind: 'input', shape: a },
        { id: 'b', kind: 'input', shape: b },
        (kind === 'add' ? { id: 'm', kind } : { id: 'm', kind, axis: -1 }) as GraphNode,
      ],
      edges: [{ source: 'a', target: 'm' }, { source: 'b', target: 'm' }] as Edge[],
    });
    expectError(() => inferShapes(two('add', [3], [4])), 'IR_SHAPE_MISMATCH', "node 'm' (add)", "'a' has shape [3]", "'b' has shape [4]");
    expectError(() => inferShapes(two('concat', [2, 3], [3, 3])), 'IR_SHAPE_MISMATCH', "node 'm' (concat)", '[3, 3]');
    const g = two('concat', [2, 3], [2, 3]);
    const badAxis: Graph = { ...g, nodes: g.nodes.map((n) => (n.id === 'm' ? { id: 'm', kind: 'concat', axis: 2 } : n)) };
    expectError(() => inferShapes(badAxis), 'IR_BAD_FIELD', "node 'm' (concat)", "field 'axis'", '-2..1');
  });

  it('reshape, affine and neurons with the wrong sizes', () => {
    expectError(() => inferShapes(chain([12, 12, 64], { kind: 'reshape', shape: [9215] })), 'IR_SHAPE_MISMATCH', "node 'n' (reshape)", '9215', '9216');
    expectError(() => inferShapes(chain([3], { kind: 'reshape', shape: [-1] })), 'IR_BAD_FIELD', "field 'shape'", 'positive');
    expectError(() => inferShapes(chain([5, 3], { kind: 'affine', scale: zeros([5]), bias: zeros([3]) })), 'IR_SHAPE_MISMATCH', "field 'scale'", '[3] or a scalar');
    expectError(() => inferShapes(chain([4, 2], { kind: 'neurons', neuronType: 'LIF', gain: zeros([4]) })), 'IR_SHAPE_MISMATCH', "node 'n' (neurons)", "field 'gain'", '[8]');
  });

  it('values that are not graphs', () => {
    expectError(() => inferShapes({ nodes: 'x' } as unknown as Graph), 'IR_BAD_GRAPH', 'nodes');
    expectError(() => inferShapes({ nodes: [], edges: [], metadata: 3 } as unknown as Graph), 'IR_BAD_GRAPH', 'metadata');
    expectError(() => inferShapes({ nodes: [null], edges: [] } as unknown as Graph), 'IR_BAD_FIELD', 'nodes[0]');
  });

  it('synapse specs on edges', () => {
    const g = chain([2], { kind: 'neurons', neuronType: 'LIF' });
    const bad: Graph = { ...g, edges: [g.edges[0], { ...g.edges[1], synapse: { type: 'lowpass', params: { tau: Number.NaN } } }] };
    expectError(() => inferShapes(bad), 'IR_NOT_FINITE', "edge 'n' -> 'y'", "'tau'");
    const noType = { ...g, edges: [g.edges[0], { ...g.edges[1], synapse: { params: { tau: 1 } } }] } as unknown as Graph;
    expectError(() => inferShapes(noType), 'IR_BAD_SYNAPSE', "edge 'n' -> 'y'", "'type'");
  });
});
