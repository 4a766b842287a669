import { describe, expect, it } from 'vitest';
import { LoihiEmulator } from './loihi-emulator.js';
import { SimrealEmulator } from './simreal-emulator.js';
import type { SimrealBlock, SimrealNetwork } from './simreal-types.js';

const dt = 0.001;
const decay = (tau: number) => -Math.expm1(-dt / tau);
// LoihiLIF's discretized tau_rc (§1.1): the voltage decay rounded to 12 bits.
const decayVLoihi = Math.round(decay(0.02) * 4095) / 4095;

function lif(label: string, bias: number[], decayV = decayVLoihi): SimrealBlock {
  const vth = new Float64Array(bias.length).fill(1);
  return { label, decayU: decay(0.005), decayV, scaleU: true, scaleV: true, vth, bias: Float64Array.from(bias), refractDelay: 3, vmin: 0, vmax: Infinity };
}

function spikeSteps(emu: SimrealEmulator | LoihiEmulator, label: string, nSteps: number): number[][] {
  const n = emu.spiked(label).length;
  const out: number[][] = Array.from({ length: n }, () => []);
  for (let t = 1; t <= nSteps; t++) {
    emu.step();
    emu.spiked(label).forEach((s, c) => s && out[c]!.push(t));
  }
  return out;
}

const single = (b: SimrealBlock): SimrealNetwork => ({ inputs: [], blocks: [b], synapses: [] });

describe('SimrealEmulator (float compartments, spec §3.1 last bullet)', () => {
  it('Trace A in floats: spike for spike with the integer emulator (J=2 from step 14 every 16, J=10 from 3 every 5)', () => {
    for (const [J, vth, first, isi] of [[2, 5367104, 14, 16], [10, 1073408, 3, 5]] as const) {
      const float = spikeSteps(new SimrealEmulator(single(lif('a', [J]))), 'a', 1000)[0]!;
      const chip = new LoihiEmulator({
        inputs: [],
        blocks: [{ label: 'a', decayU: 741, decayV: 200, refractDelay: 3, vmin: 0, vmax: 2 ** 23 - 1, vth: Int32Array.of(vth), bias: Int32Array.of(524160) }],
        synapses: [],
      });
      expect(float).toEqual(spikeSteps(chip, 'a', 1000)[0]);
      expect(float[0]).toBe(first);
      expect(float.length).toBe(Math.floor((1000 - first) / isi) + 1);
    }
  });

  it('ReLU (no V scaling, vth 1/dt): J=300 every 4 steps, J=500 every 3 (strict >), J=501 every 2', () => {
    for (const [J, isi] of [[300, 4], [500, 3], [501, 2]] as const) {
      const relu: SimrealBlock = { ...lif('r', [J]), decayV: 0, scaleV: false, refractDelay: 1, vth: Float64Array.of(1 / dt) };
      const spikes = spikeSteps(new SimrealEmulator(single(relu)), 'r', 60)[0]!;
      expect(spikes).toEqual(Array.from({ length: Math.floor(60 / isi) }, (_, i) => isi * (i + 1)));
    }
  });

  it('Trace B in floats: block a spikes as on the chip; b current is the filtered weighted spikes', () => {
    const net: SimrealNetwork = {
      inputs: [],
      blocks: [{ ...lif('a', [20, 5], decay(0.02)) }, { ...lif('b', [0.5, 1.5], decay(0.02)) }],
      // transform / dt, rows = pre axons: [[0.5, -0.25], [0.1, 0]]^T / 0.001
      synapses: [{ source: 'a', target: 'b', weights: Float64Array.of(500, 100, -250, 0) }],
    };
    const emu = new SimrealEmulator(net);
    const a: number[][] = [[], []];
    const u3: number[] = [];
    for (let t = 1; t <= 40; t++) {
      emu.step();
      emu.spiked('a').forEach((s, c) => s && a[c]!.push(t));
      if (t === 3) u3.push(...emu.current('b'));
    }
    expect(a[0]).toEqual(Array.from({ length: 10 }, (_, i) => 2 + 4 * i));
    expect(a[1]).toEqual([5, 12, 19, 26, 33, 40]);
    // a0's spike on step 2 arrives on step 3 scaled by decay_u (unit-gain filter)
    expect(u3[0]).toBeCloseTo(500 * decay(0.005), 12);
    expect(u3[1]).toBeCloseTo(100 * decay(0.005), 12);
  });
});
