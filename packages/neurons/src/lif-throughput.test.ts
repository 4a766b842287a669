import { describe, expect, it } from 'vitest';
import { measureLifThroughput } from './lif-throughput.js';

describe('measureLifThroughput', () => {
  it('times the LIF kernel and reports neuron-steps per second', () => {
    const result = measureLifThroughput({ neurons: 10_000, steps: 20, J: 10 });
    expect(result.neuronStepsPerSec).toBeGreaterThan(0);
    expect(result.neuronStepsPerSec).toBeCloseTo((10_000 * 20) / result.seconds, -3);
    // J = 10 fires at 243 Hz: between 4 and 5 spikes per neuron in 20 ms (after 5 warm-up steps).
    expect(result.spikes).toBeGreaterThanOrEqual(4 * 10_000);
    expect(result.spikes).toBeLessThanOrEqual(6 * 10_000);
  });

  it('checks that J matches the population size', () => {
    expect(() => measureLifThroughput({ neurons: 10, steps: 1, J: new Float32Array(3) })).toThrow(/3 values for 10 neurons/);
  });
});
