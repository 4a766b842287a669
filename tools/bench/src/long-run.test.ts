import { describe, expect, it } from 'vitest';
import { longRunEvaluation } from './long-run-eval.js';

describe('the long spiking evaluation, small enough for CI', () => {
  it('gives the same predictions, spikes and SynOps for a seed with 1 or 2 workers', async () => {
    const size = { images: 120, steps: 60, seed: 3 };
    const one = await longRunEvaluation({ ...size, workers: 1 });
    const two = await longRunEvaluation({ ...size, workers: 2 });
    expect(one.synops).toBeGreaterThan(0); // the network spikes: equality below is not of two silent runs
    expect(Array.from(two.predicted)).toEqual(Array.from(one.predicted));
    expect(two.synops).toBe(one.synops);
    expect(two.layers.map((l) => l.firingRateHz)).toEqual(one.layers.map((l) => l.firingRateHz));
    const other = await longRunEvaluation({ ...size, seed: 4, workers: 2 });
    expect(other.synops).not.toBe(one.synops); // the seed matters (weights and states), so equal runs are not trivially equal
  }, 60_000);
});
