import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { benchTrainStep } from './train-step-bench.js';

describe('benchTrainStep (keras-to-snn network, one Adam step per batch)', () => {
  for (const fused of ['none', 'both'] as const) {
    it(`trains (loss falls on a repeated batch) and leaks no tensors, fused=${fused}`, async () => {
      await benchTrainStep({ batch: 4, steps: 1, warmup: 1, profile: false });
      const before = tf.memory().numTensors;
      const r = await benchTrainStep({ batch: 8, steps: 6, warmup: 1, profile: true, fused });
      expect(tf.memory().numTensors).toBe(before);
      expect(r.backend).toBe('wasm');
      expect(r.loss[1]).toBeLessThan(r.loss[0]);
      expect(r.flopsPerStep).toBe(8 * 2 * (2 * 26 * 26 * 32 * 9 + 3 * 12 * 12 * 64 * 288 + 3 * 9216 * 10));
      expect(r.epochSeconds).toBeCloseTo(r.secondsPerStep * 7500, 6);
      expect(r.kernelMs.map(([name]) => name)).toContain('Conv2DBackpropFilter');
    });
  }
});
