import { describe, expect, it } from 'vitest';
import { SnnError } from '@snn/ir';
import { estimateEnergy } from './estimate-energy.js';
import type { InferenceActivity } from './inference-activity.js';
import { loihiFigures } from './loihi-figures.js';
import { cpuFigures, gpuFigures } from './conventional-figures.js';

// A tiny count set priced by hand from the cited figures (pJ, ns).
const tiny: InferenceActivity = { steps: 2, compartments: 3, spikes: 4, synapticOps: 10, macs: 100 };
const close = (actual: number | null, expected: number): void => expect(actual).toBeCloseTo(expected, 20);

describe('estimateEnergy', () => {
  const report = estimateEnergy(tiny, { cores: 2 });
  const [loihi, cpu, gpu] = report.platforms;

  it('prices Loihi: 10 syn ops x 23.6 + 6 updates x 52..81 + 4 spikes x 1.7 pJ', () => {
    close(loihi!.energyJ.min, (10 * 23.6 + 6 * 52 + 4 * 1.7) * 1e-12); // 554.8 pJ
    close(loihi!.energyJ.max, (10 * 23.6 + 6 * 81 + 4 * 1.7) * 1e-12); // 728.8 pJ
    expect(loihi!.terms.map((t) => [t.name, t.count])).toEqual([
      ['synaptic ops', 10], ['neuron updates', 6], ['spikes routed (within tile)', 4], ['tile hops E-W', 0], ['tile hops N-S', 0],
    ]);
  });

  it('bounds Loihi latency: serialized on one core + 465 ns barriers, spread over 2 cores + 113 ns barriers', () => {
    close(loihi!.latencyS.max, (10 * 3.5 + 6 * 8.4 + 4 * 2.1 + 2 * 465) * 1e-9); // 1023.8 ns
    close(loihi!.latencyS.min, ((10 * 3.5 + 6 * 5.3 + 4 * 2.1) / 2 + 2 * 113) * 1e-9); // 263.6 ns
  });

  it('uses the active count when given, and prices tile hops', () => {
    const r = estimateEnergy({ ...tiny, activeNeuronUpdates: 2, spikesRouted: 5, tileHops: { eastWest: 3, northSouth: 1 } });
    const e = r.platforms[0]!.energyJ;
    const expected = (10 * 23.6 + 2 * 81 + 4 * 52 + 5 * 1.7 + 3 * 3.0 + 1 * 4.0) * 1e-12; // 627.5 pJ
    close(e.min, expected);
    close(e.max, expected);
    close(r.platforms[0]!.latencyS.max, (10 * 3.5 + 2 * 8.4 + 4 * 5.3 + 5 * 2.1 + 3 * 4.1 + 6.5 + 2 * 465) * 1e-9);
  });

  it('prices the ANN on a CPU at 3.7 + 0.9 pJ per MAC, with no latency figure', () => {
    close(cpu!.energyJ.min, 100 * 4.6e-12); // 460 pJ
    expect(cpu!.latencyS).toEqual({ min: null, max: null });
  });

  it('prices the ANN on a V100 at 300 W / 15 TFLOP/s = 20 pJ per FLOP, 2 FLOPs per MAC', () => {
    close(gpu!.energyJ.min, 200 * 20e-12); // 4 nJ
    close(gpu!.latencyS.min, 200 / 15e12);
    expect(gpu!.latencyS.max).toBeNull();
  });

  it('cites every figure it uses, each with a value, unit and source', () => {
    for (const p of report.platforms) {
      expect(p.citations.length).toBeGreaterThan(0);
      for (const c of p.citations) {
        expect(c.figure.length).toBeGreaterThan(0);
        expect(Number.isFinite(c.value)).toBe(true);
        expect(['pJ', 'ns', 'W', 'TFLOP/s']).toContain(c.unit);
        expect(c.source).toMatch(/Davies|Horowitz|NVIDIA/);
      }
    }
    expect(loihi!.citations).toContain(loihiFigures.synapticOpEnergy);
    expect(cpu!.citations).toEqual([cpuFigures.floatMultEnergy, cpuFigures.floatAddEnergy]);
    expect(gpu!.citations).toEqual([gpuFigures.peakFp32, gpuFigures.boardPower]);
  });

  it('quotes the published Loihi values', () => {
    const f = loihiFigures;
    expect([f.synapticOpEnergy.value, f.activeNeuronUpdateEnergy.value, f.inactiveNeuronUpdateEnergy.value, f.withinTileSpikeEnergy.value])
      .toEqual([23.6, 81, 52, 1.7]);
    expect([f.tileHopEnergyEastWest.value, f.tileHopEnergyNorthSouth.value, f.synapticOpTime.value, f.withinTileSpikeLatency.value])
      .toEqual([3.0, 4.0, 3.5, 2.1]);
  });

  it('rejects negative counts, too many active updates and zero cores, naming the argument', () => {
    expect(() => estimateEnergy({ ...tiny, spikes: -1 })).toThrow(/activity\.spikes must be a finite count >= 0, got -1/);
    expect(() => estimateEnergy({ ...tiny, activeNeuronUpdates: 7 })).toThrow(/exceeds the neuron updates \(compartments x steps = 6\)/);
    expect(() => estimateEnergy(tiny, { cores: 0 })).toThrow(SnnError);
  });
});
