import { describe, expect, it } from 'vitest';
import { measureLifThroughput } from './lif-throughput.js';
import { createNeuronStepPool } from './threads/neuron-step-pool.js';

describe('measureLifThroughput', () => {
  it('times the LIF kernel and reports neuron-steps per second', () => {
    const result = measureLifThroughput({ neurons: 10_000, steps: 20, J: 10 });
    expect(result.kernel).toBe('wasm');
    expect(result.threads).toBe(1);
    expect(result.neuronStepsPerSec).toBeGreaterThan(0);
    expect(result.neuronStepsPerSec).toBeCloseTo((10_000 * 20) / result.seconds, -3);
    // J = 10 fires at 243 Hz: between 4 and 5 spikes per neuron in 20 ms (after 5 warm-up steps).
    expect(result.spikes).toBeGreaterThanOrEqual(4 * 10_000);
    expect(result.spikes).toBeLessThanOrEqual(6 * 10_000);
  });

  it('counts the same spikes with the JS kernel and through a 2-thread pool', async () => {
    const wasm = measureLifThroughput({ neurons: 40_000, steps: 30 });
    const js = measureLifThroughput({ neurons: 40_000, steps: 30, kernel: 'js' });
    const pool = await createNeuronStepPool({ threads: 2 });
    try {
      const pooled = measureLifThroughput({ neurons: 40_000, steps: 30, pool });
      expect(js.kernel).toBe('js');
      expect(pooled.threads).toBe(2);
      expect(js.spikes).toBe(wasm.spikes);
      expect(pooled.spikes).toBe(wasm.spikes);
      expect(wasm.spikes).toBeGreaterThan(40_000); // J ~ Uniform(0, 5): ~2 spikes per neuron in 35 ms
    } finally {
      await pool.close();
    }
  });

  it('times the float32 kernel on 1 and 2 threads with the same spikes, close to the exact count', async () => {
    const single = measureLifThroughput({ neurons: 40_000, steps: 30, precision: 'float32' });
    const exact = measureLifThroughput({ neurons: 40_000, steps: 30 });
    expect(single.precision).toBe('float32');
    expect(exact.precision).toBe('float64');
    expect(Math.abs(single.spikes - exact.spikes)).toBeLessThan(exact.spikes * 1e-3);
    const pool = await createNeuronStepPool({ threads: 2, precision: 'float32' });
    try {
      const pooled = measureLifThroughput({ neurons: 40_000, steps: 30, pool });
      expect(pooled.precision).toBe('float32');
      expect(pooled.threads).toBe(2);
      expect(pooled.spikes).toBe(single.spikes);
      expect(() => measureLifThroughput({ neurons: 10, steps: 1, pool, precision: 'float64' })).toThrow(/differs from the pool/);
    } finally {
      await pool.close();
    }
    expect(() => measureLifThroughput({ neurons: 10, steps: 1, kernel: 'js', precision: 'float32' })).toThrow(/float64 only/);
  });

  it('checks that J matches the population size', () => {
    expect(() => measureLifThroughput({ neurons: 10, steps: 1, J: new Float32Array(3) })).toThrow(/3 values for 10 neurons/);
  });
});
