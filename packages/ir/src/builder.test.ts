import { describe, expect, it } from 'vitest';
import { GraphBuilder } from './builder.js';
import { inferShapes } from './shapes.js';
import { topoOrder } from './graph-access.js';
import { fans, glorotUniform } from './initializers.js';
import { createRng } from './random.js';
import { scalar, zeros } from './param.js';
import { isSnnError } from './errors.js';

function kerasToSnn(): { b: GraphBuilder; ids: Record<string, string> } {
  const rng = createRng(0);
  const w = (shape: number[]) => glorotUniform(shape, fans(shape).fanIn, fans(shape).fanOut, rng);
  const b = new GraphBuilder();
  const x = b.input('image', [28, 28, 1]);
  const conv0 = b.conv(x, { id: 'conv0', kernel: w([3, 3, 1, 32]), bias: zeros([32]), strides: [1, 1], padding: 'valid' });
  const relu0 = b.neurons(conv0, { id: 'relu0', neuronType: 'RectifiedLinear' });
  const conv1 = b.conv(relu0, { id: 'conv1', kernel: w([3, 3, 32, 64]), bias: zeros([64]), strides: [2, 2] });
  const relu1 = b.neurons(conv1, { id: 'relu1', neuronType: 'RectifiedLinear' });
  const flat = b.flatten(relu1);
  const out = b.dense(flat, { id: 'out', weights: w([9216, 10]), bias: zeros([10]) });
  const probe = b.output(out, 'probe');
  return { b, ids: { x, conv0, relu0, conv1, relu1, flat, out, probe } };
}

const throwsCode = (fn: () => unknown, code: string, fragment: string): void => {
  try {
    fn();
    expect.unreachable();
  } catch (e) {
    expect(isSnnError(e, code), String(e)).toBe(true);
    expect((e as Error).message).toContain(fragment);
  }
};

describe('GraphBuilder', () => {
  it('builds the keras-to-snn network with the Keras shapes', () => {
    const { b, ids } = kerasToSnn();
    const graph = b.build();
    const shapes = inferShapes(graph);
    expect(shapes.get('conv0')).toEqual([26, 26, 32]);
    expect(shapes.get('relu0')).toEqual([26, 26, 32]);
    expect(shapes.get('conv1')).toEqual([12, 12, 64]);
    expect(shapes.get(ids.flat)).toEqual([9216]);
    expect(shapes.get('out')).toEqual([10]);
    expect(shapes.get('probe')).toEqual([10]);
    expect(ids.flat).toBe('flatten_1');
    expect(topoOrder(graph)).toEqual(['image', 'conv0', 'relu0', 'conv1', 'relu1', 'flatten_1', 'out', 'probe']);
    expect(graph.edges).toHaveLength(7);
    expect(b.shapeOf('conv1')).toEqual([12, 12, 64]);
  });

  it('generates ids per kind, skipping taken ones', () => {
    const b = new GraphBuilder();
    const x = b.input('x', [4]);
    const d1 = b.dense(x, { weights: zeros([4, 4]) });
    b.dense(d1, { id: 'dense_2', weights: zeros([4, 4]) });
    const d3 = b.dense('dense_2', { weights: zeros([4, 3]) });
    const n = b.neurons(d3, { neuronType: 'LIF' });
    const y = b.output(n);
    expect([d1, d3, n, y]).toEqual(['dense_1', 'dense_3', 'neurons_1', 'output_1']);
  });

  it('puts the synapse option on the connecting edges', () => {
    const b = new GraphBuilder();
    const x = b.input('x', [2, 2, 3]);
    const n = b.neurons(x, { id: 'n', neuronType: 'SpikingRectifiedLinear', gain: scalar(2) });
    const m = b.neurons(x, { id: 'm', neuronType: 'LIF' });
    const syn = { type: 'lowpass', params: { tau: 0.005 } };
    const s = b.add([n, m], { id: 's', synapse: syn });
    b.output(s, 'y');
    const g = b.build();
    expect(g.edges.filter((e) => e.target === 's').map((e) => e.synapse)).toEqual([syn, syn]);
    expect(g.edges.find((e) => e.target === 'n')?.synapse).toBeUndefined();
  });

  it('covers every kind with its defaults', () => {
    const b = new GraphBuilder();
    const x = b.input('x', [8, 8, 2]);
    const p = b.avgPool(x, { window: [2, 2] }); // strides default to the window
    const q = b.maxPool(x, { window: [3, 3], strides: [1, 1], padding: 'same' });
    const c = b.concat([p, b.pool(q, { op: 'avg', window: [2, 2] })]);
    const a = b.affine(c, { scale: zeros([4]), bias: scalar(0) });
    const u = b.upsample(a, { size: [2, 2] });
    const pd = b.pad(u, { padding: [[1, 1], [0, 2]] });
    const r = b.reshape(pd, [10, 10, 4]);
    const g = b.globalPool(r, { op: 'max' });
    const conv1d = b.conv(b.reshape(g, [4, 1]), { kernel: zeros([2, 1, 3]) });
    b.output(conv1d);
    const shapes = inferShapes(b.build({ metadata: { source: 'test' } }));
    expect(p).toBe('avgPool_1');
    expect(q).toBe('maxPool_1');
    expect(shapes.get(p)).toEqual([4, 4, 2]);
    expect(shapes.get(q)).toEqual([8, 8, 2]);
    expect(shapes.get(c)).toEqual([4, 4, 4]);
    expect(shapes.get(u)).toEqual([8, 8, 4]);
    expect(shapes.get(pd)).toEqual([10, 10, 4]);
    expect(shapes.get(g)).toEqual([4]);
    expect(shapes.get(conv1d)).toEqual([3, 3]);
    expect(b.build({ metadata: { source: 'test' } }).metadata).toEqual({ source: 'test' });
  });

  it('reports errors at the call that caused them', () => {
    const b = new GraphBuilder();
    const x = b.input('x', [28, 28, 1]);
    throwsCode(() => b.conv(x, { id: 'c', kernel: zeros([3, 3, 2, 4]) }), 'IR_SHAPE_MISMATCH', "node 'c' (conv)");
    throwsCode(() => b.dense(x, { id: 'd', weights: zeros([784, 10]) }), 'IR_SHAPE_MISMATCH', "node 'd' (dense)");
    throwsCode(() => b.dense('nope', { weights: zeros([1, 1]) }), 'IR_UNKNOWN_NODE', "'nope'");
    throwsCode(() => b.input('x', [3]), 'IR_DUPLICATE_ID', "'x'");
    const y = b.output(x, 'y');
    throwsCode(() => b.flatten(y), 'IR_BAD_INPUTS', "'y' is an output node");
    throwsCode(() => b.neurons(x, { neuronType: 'LIF', synapse: { type: '' } }), 'IR_BAD_SYNAPSE', "'type'");
    // A failed call adds nothing.
    expect(b.build().nodes.map((n) => n.id)).toEqual(['x', 'y']);
  });
});
