import { describe, expect, it } from 'vitest';
import type { LoihiConnection } from './layer.js';
import { conv2dOutputShape, synapseGeometry } from './synapse-geometry.js';

type Conv = Extract<LoihiConnection, { kind: 'conv2d' }>;

/** Independent reference: which outputs each input pixel feeds, from the convolution's definition. */
function referenceTargets(inShape: [number, number, number], c: Conv, filters: number): Set<number>[] {
  const [outRows, outCols] = conv2dOutputShape(inShape, c, filters);
  const padTop = c.padding === 'same' ? Math.floor(Math.max((outRows - 1) * c.strides[0] + c.kernel[0] - inShape[0], 0) / 2) : 0;
  const padLeft = c.padding === 'same' ? Math.floor(Math.max((outCols - 1) * c.strides[1] + c.kernel[1] - inShape[1], 0) / 2) : 0;
  const sets = Array.from({ length: inShape[0] * inShape[1] }, () => new Set<number>());
  for (let y = 0; y < outRows; y++)
    for (let x = 0; x < outCols; x++)
      for (let a = 0; a < c.kernel[0]; a++)
        for (let b = 0; b < c.kernel[1]; b++) {
          const i = y * c.strides[0] - padTop + a;
          const j = x * c.strides[1] - padLeft + b;
          if (i < 0 || j < 0 || i >= inShape[0] || j >= inShape[1]) continue;
          for (let f = 0; f < filters; f++) sets[i * inShape[1] + j]!.add((y * outCols + x) * filters + f);
        }
  return sets;
}

describe('synapseGeometry (conv2d_loihi_weights at the index level)', () => {
  const cases: [[number, number, number], Conv, number][] = [
    [[28, 28, 3], { kind: 'conv2d', kernel: [3, 3], strides: [2, 2], padding: 'valid' }, 4],
    [[7, 6, 2], { kind: 'conv2d', kernel: [3, 2], strides: [1, 2], padding: 'same' }, 3],
    [[8, 8, 1], { kind: 'conv2d', kernel: [4, 4], strides: [3, 3], padding: 'same' }, 2],
    [[5, 9, 2], { kind: 'conv2d', kernel: [2, 3], strides: [1, 1], padding: 'valid' }, 5],
  ];
  it.each(cases)('input %j, %j, %i filters: each pixel axon reaches exactly the outputs the convolution gives', (inShape, conv, filters) => {
    const out = conv2dOutputShape(inShape, conv, filters);
    const g = synapseGeometry(conv, inShape, out, 'c');
    const ref = referenceTargets(inShape, conv, filters);
    expect(g.nAxons).toBe(inShape[0] * inShape[1]);
    expect(g.atoms).toBe(inShape[2]);
    for (let a = 0; a < g.nAxons; a++) {
      const t = g.targets[a];
      expect(new Set(t ?? [])).toEqual(ref[a]);
      // targets in C order, each fed by a distinct kernel entry
      if (t) {
        expect([...t]).toEqual([...t].sort((x, y) => x - y));
        expect(new Set(g.entries![a]).size).toBe(t.length);
      }
    }
    // pixel axon of pre compartment (pixel, channel)
    expect(g.axonOf(inShape[2] * 5 + inShape[2] - 1)).toBe(5);
  });

  it('rejects an output shape the convolution does not give, naming the layer', () => {
    expect(() => synapseGeometry(cases[0]![1], [28, 28, 3], [14, 14, 4], 'conv0')).toThrow('conv0: a 3x3 conv with strides 2,2 (valid) on [28, 28, 3] gives [13, 13, 4], not [14, 14, 4]');
  });

  it('dense: every input axon reaches every compartment', () => {
    const g = synapseGeometry({ kind: 'dense' }, [6], [4], 'd');
    expect(g.nAxons).toBe(6);
    expect(g.targets.every((t) => t !== null && [...t].join() === '0,1,2,3')).toBe(true);
    expect(g.slotsPerAxon).toBe(1);
  });
});
