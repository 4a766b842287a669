import { describe, expect, it } from 'vitest';
import { measureEmulatorThroughput } from './emulator-throughput.js';

describe('measureEmulatorThroughput', () => {
  it('times the requested steps of a two-layer network that spikes', () => {
    const r = measureEmulatorThroughput({ compartments: 64, nSamples: 4, steps: 50 });
    expect(r.seconds).toBeGreaterThan(0);
    expect(r.stepsPerSec).toBeCloseTo(50 / r.seconds, 6);
    expect(r.compartmentStepsPerSec).toBeCloseTo((50 * 4 * 128) / r.seconds, 0);
    expect(r.spikes).toBeGreaterThan(0);
  });
});
