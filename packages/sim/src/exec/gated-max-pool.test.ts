import { beforeAll, describe, expect, it } from 'vitest';
import { GraphBuilder, createRng } from '@snn/ir';
import { initBackend } from '../backend/init.js';
import { compile } from '../compile.js';
import { registries } from '../test-support/fixtures.js';
import { gatedMaxPoolStep, gatedMaxPoolStepSparse, poolTaps } from '../kernels/gated-max-pool.js';

beforeAll(async () => {
  await initBackend();
});

const dt = 0.001;

/** IntegrateAndFire neurons on constant currents -> max pool -> output: spikes in, pooled spikes out. */
function spikingPool(shape: [number, number, number], pool: { window: number[]; strides?: number[]; padding?: 'valid' | 'same' } | 'global') {
  const b = new GraphBuilder();
  const x = b.input('x', shape);
  const s = b.neurons(x, { id: 'spikes', neuronType: 'IntegrateAndFire' });
  const p = pool === 'global' ? b.globalPool(s, { id: 'pool', op: 'max' }) : b.pool(s, { id: 'pool', op: 'max', ...pool });
  b.output(p, 'out');
  return b.build();
}

describe('max pooling of spike trains (spiking mode)', () => {
  it('passes the spikes of the input that fired most, so the pooled rate is the max rate, not the rate of any spike', () => {
    // one 2x2 window, four inputs at 100, 250, 240 and 90 Hz: a per-step max would pass ~ 1 - prod(1 - r dt) ~ 550 Hz
    const graph = spikingPool([2, 2, 1], { window: [2, 2] });
    const run = compile(graph, registries()).run({ x: Float32Array.of(100, 250, 240, 90) }, { nSteps: 2000, probes: { p: { node: 'pool', keep: 'all' } } });
    const spikes = run.probes.p.data.reduce((a, v) => a + v * dt, 0);
    expect(spikes / 2).toBeGreaterThan(248); // spikes per second
    expect(spikes / 2).toBeLessThan(252);
  });

  it('two inputs of equal rate pass one rate, not two', () => {
    const graph = spikingPool([1, 2, 1], { window: [1, 2] });
    const run = compile(graph, registries()).run({ x: Float32Array.of(200, 200) }, { nSteps: 1000, probes: { p: { node: 'pool', keep: 'all' } } });
    expect(run.probes.p.data.reduce((a, v) => a + v * dt, 0)).toBeCloseTo(200, -1);
  });

  it("for inputs constant in time it is the plain max, in every window ('same' padding, strides, global)", () => {
    const rng = createRng(2);
    const x = rng.fillUniform(new Float32Array(2 * 5 * 5 * 3), -1, 1);
    for (const pool of [{ window: [2, 2] }, { window: [3, 3], strides: [2, 2], padding: 'same' as const }, 'global' as const]) {
      const b = new GraphBuilder();
      const inp = b.input('x', [5, 5, 3]);
      const p = pool === 'global' ? b.globalPool(inp, { id: 'pool', op: 'max' }) : b.pool(inp, { id: 'pool', op: 'max', ...pool });
      b.output(p, 'out');
      const graph = b.build();
      const rate = compile(graph, { ...registries(), mode: 'rate' }).run({ x }, { nSteps: 1 }).probes.out.data;
      // per-step input (not static) takes the gated path; every step equals the plain max
      const perStep = new Float32Array(2 * 3 * x.length / 2);
      for (let s = 0; s < 2; s++) for (let t = 0; t < 3; t++) perStep.set(x.subarray(s * 75, (s + 1) * 75), (s * 3 + t) * 75);
      const spiking = compile(graph, registries()).run({ x: { data: perStep, perStep: true } }, { nSteps: 3, probes: { p: { node: 'pool', keep: 'all' } } });
      const size = rate.length / 2;
      for (let s = 0; s < 2; s++) for (let t = 0; t < 3; t++) expect(spiking.probes.p.data.subarray((s * 3 + t) * size, (s * 3 + t + 1) * size)).toEqual(rate.subarray(s * size, (s + 1) * size));
    }
  });

  it('the kernel selects on totals before this step, breaking ties by the larger input', () => {
    const taps = poolTaps([1, 2], 1, [1, 2], [1, 2], [0, 0], [1, 1]);
    const totals = new Float64Array(2);
    const out = new Float32Array(1);
    // [x0, x1, expected output]
    const steps: [number, number, number][] = [
      [0, 5, 5], // totals (0, 0): a tie, the larger input passes
      [5, 0, 0], // totals (0, 5): input 1 leads, input 0's spike is held back
      [5, 0, 5], // totals (5, 5): a tie again, input 0 is the larger now
    ];
    for (const [a, c, expected] of steps) {
      gatedMaxPoolStep(Float32Array.of(a, c), totals, out, taps, 1);
      expect(out[0]).toBe(expected);
    }
    expect([...totals]).toEqual([10, 5]);
  });

  it('the event-driven kernel (nonzero inputs only) equals the dense one, overlapping and padded windows included', () => {
    const rng = createRng(9);
    const [h, w, c, batch] = [9, 7, 5, 3];
    for (const [window, strides, pad, outShape] of [
      [[2, 2], [2, 2], [0, 0], [4, 3]],
      [[3, 3], [2, 2], [1, 1], [5, 4]],
      [[3, 2], [1, 1], [0, 0], [7, 6]],
    ] as const) {
      const taps = poolTaps([h, w], c, window, strides, pad, outShape);
      const n = batch * h * w * c;
      const outSize = batch * outShape[0] * outShape[1] * c;
      const [dense, sparse] = [0, 1].map(() => ({ totals: new Float64Array(n), out: new Float32Array(outSize) }));
      for (let step = 0; step < 40; step++) {
        const x = new Float32Array(n);
        const index: number[] = [];
        for (let i = 0; i < n; i++) if (rng.uniform(0, 1) < 0.08) (x[i] = Math.ceil(rng.uniform(0, 3)) * 250), index.push(i);
        gatedMaxPoolStep(x, dense.totals, dense.out, taps, batch);
        gatedMaxPoolStepSparse(x, sparse.totals, sparse.out, taps, batch, Int32Array.from(index), index.length);
        expect(sparse.out).toEqual(dense.out);
        expect(sparse.totals).toEqual(dense.totals);
      }
      expect(dense.out.some((v) => v !== 0)).toBe(true);
    }
  });
});
