import { describe, expect, it } from 'vitest';
import { measureLifThroughput } from './lif-throughput.js';
import { createNeuronStepPool } from './threads/neuron-step-pool.js';

/**
 * Spikes that `neurons` LIF neurons (tauRc 20 ms, tauRef 2 ms) driven by a constant J fire in
 * the time window (from, to], their voltages starting Uniform(0, 1) with no refractory time:
 * the first spike comes at tauRc ln((J - v0) / (J - 1)), then one every
 * tauRef + tauRc ln(J / (J - 1)) (Nengo's LIF places spikes at their exact times). Mean and
 * standard error of the total over a fine grid of v0.
 */
function expectedLifSpikes(neurons: number, J: number, from: number, to: number): { mean: number; standardError: number } {
  const [tauRc, tauRef, grid] = [0.02, 0.002, 10_000];
  const isi = tauRef + tauRc * Math.log(J / (J - 1));
  let [sum, sumSquares] = [0, 0];
  for (let i = 0; i < grid; i++) {
    const first = tauRc * Math.log((J - (i + 0.5) / grid) / (J - 1));
    let count = 0;
    for (let t = first; t <= to; t += isi) if (t > from) count++;
    sum += count;
    sumSquares += count * count;
  }
  const [mean, variance] = [sum / grid, sumSquares / grid - (sum / grid) ** 2];
  return { mean: neurons * mean, standardError: Math.sqrt(neurons * variance) };
}

describe('measureLifThroughput', () => {
  it('times the LIF kernel and reports neuron-steps per second', () => {
    const t0 = performance.now();
    const result = measureLifThroughput({ neurons: 10_000, steps: 20, J: 10 });
    const outside = (performance.now() - t0) / 1000;
    expect(result.kernel).toBe('wasm');
    expect(result.threads).toBe(1);
    // Timed by a clock outside the call: the timed steps are part of the call, so they take
    // more than nothing and at most its time, and 200,000 neuron-steps in at most that time
    // is at least 200,000 / (the call's time) per second.
    expect(result.seconds).toBeGreaterThan(0);
    expect(result.seconds).toBeLessThanOrEqual(outside);
    expect(result.neuronStepsPerSec).toBeGreaterThanOrEqual((10_000 * 20) / outside);
    // J = 10 fires at 243 Hz; the 20 timed steps follow 5 warm-up steps. The count is a sum of
    // 10,000 per-neuron counts of random phase: within 4 standard errors of its expectation
    // (measured 47,600; expected 47,511 +- 43).
    const { mean, standardError } = expectedLifSpikes(10_000, 10, 0.005, 0.025);
    expect(Math.abs(result.spikes - mean)).toBeLessThan(4 * standardError);
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
