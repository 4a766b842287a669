import { describe, expect, it } from 'vitest';
import type { AffineNode, Graph } from '../types.js';
import { GraphBuilder } from '../builder.js';
import { getNode } from '../graph-access.js';
import { param } from '../param.js';
import { inferShapes } from '../shapes.js';
import { runPure } from '../test-support/pure-pass.js';
import { scaleInputs } from './scale-inputs.js';

/** Two inputs: a [2, 2, 3] image into a concat twice (order matters) and a [4] vector into a dense. */
function twoInputs(): Graph {
  const b = new GraphBuilder();
  const img = b.input('img', [2, 2, 3]);
  const cat = b.concat([img, img], { id: 'cat' });
  const vec = b.input('vec', [4]);
  const d = b.dense(vec, { id: 'd', weights: param(new Float32Array(8).fill(1), [4, 2]) });
  b.output(cat, 'o1');
  b.output(d, 'o2');
  return b.build();
}

describe('scaleInputs', () => {
  it('puts a non-trainable affine x * scale + offset (one value per channel) after every input, rewiring what it fed', () => {
    const { after } = runPure(twoInputs(), (g) => scaleInputs(g, { scale: 1 / 255, offset: -0.5 }));
    expect(after.nodes.map((n) => n.id)).toEqual(['img', 'img/scaling', 'cat', 'vec', 'vec/scaling', 'd', 'o1', 'o2']);
    const a = getNode(after, 'img/scaling') as AffineNode;
    expect([a.trainable, a.scale.shape, [...a.scale.data], [...a.bias.data]]).toEqual([false, [3], new Array(3).fill(Math.fround(1 / 255)), [-0.5, -0.5, -0.5]]);
    expect((getNode(after, 'vec/scaling') as AffineNode).scale.shape).toEqual([4]);
    expect(after.edges.map((e) => `${e.source}->${e.target}`)).toEqual(['img->img/scaling', 'img/scaling->cat', 'img/scaling->cat', 'vec->vec/scaling', 'vec/scaling->d', 'cat->o1', 'd->o2']);
    expect(inferShapes(after).get('cat')).toEqual([2, 2, 6]);
  });

  it('only the listed inputs; fresh ids when <input>/scaling is taken; scale 1 offset 0 is no change', () => {
    const once = scaleInputs(twoInputs(), { scale: 2, inputs: ['vec'] });
    expect(once.nodes.map((n) => n.id)).toEqual(['img', 'cat', 'vec', 'vec/scaling', 'd', 'o1', 'o2']);
    const twice = runPure(once, (g) => scaleInputs(g, { offset: 1, inputs: ['vec'] })).after;
    expect(twice.edges.filter((e) => e.source.startsWith('vec')).map((e) => `${e.source}->${e.target}`)).toEqual(['vec->vec/scaling_1', 'vec/scaling_1->vec/scaling', 'vec/scaling->d']);
    const g = twoInputs();
    expect(scaleInputs(g, { scale: 1, offset: 0 })).toBe(g);
  });

  it('rejects non-finite numbers and ids that are not inputs', () => {
    expect(() => scaleInputs(twoInputs(), { scale: Number.NaN })).toThrow(/scaleInputs: scale is NaN; give a finite number/);
    expect(() => scaleInputs(twoInputs(), { scale: 2, inputs: ['d'] })).toThrow(/node 'd' \(dense\); only input nodes take raw values/);
  });
});
