import { describe, expect, it } from 'vitest';
import { LoihiEmulator } from '../emulator/loihi-emulator.js';
import type { LoihiEmulatorNetwork } from '../emulator/types.js';
import type { LoihiLayer } from '../resources/layer.js';
import { countActivity } from './count-activity.js';
import { estimateEnergy } from './estimate-energy.js';

describe('energy of an emulated run', () => {
  it('prices the spikes the bit-exact emulator produced: every delivered spike drives its full dense fan-out', () => {
    const n = 16;
    const steps = 40;
    const weights = (): Int32Array => Int32Array.from({ length: n * n }, (_, i) => 1024 + ((i * 37) % 2048));
    const block = (label: string) => ({
      label, decayU: 741, decayV: 200, refractDelay: 2, vmin: 0, vmax: 2 ** 23 - 1,
      vth: new Int32Array(n).fill(8192), bias: new Int32Array(n),
    });
    const network: LoihiEmulatorNetwork = {
      inputs: [{ label: 'x', nAxons: n }],
      blocks: [block('hidden'), block('out')],
      synapses: [{ source: 'x', target: 'hidden', weights: weights() }, { source: 'hidden', target: 'out', weights: weights() }],
    };
    const emu = new LoihiEmulator(network, {});
    const input = (t: number) => ({ x: Uint8Array.from({ length: n }, (_, i) => ((i + t) % 3 === 0 ? 1 : 0)) });
    let inputSpikes = 0;
    for (let t = 0; t < steps; t++) inputSpikes += input(t).x.reduce((a, b) => a + b, 0);
    emu.run(steps, input);
    const sum = (label: string): number => emu.spikeCounts(label).reduce((a, b) => a + b, 0);
    const hiddenSpikes = sum('hidden');
    expect(hiddenSpikes).toBeGreaterThan(0);

    const layers: LoihiLayer[] = [
      { name: 'x', shape: [n], offChip: true },
      { name: 'hidden', shape: [n], input: { kind: 'dense' } },
      { name: 'out', shape: [n], input: { kind: 'dense' } },
    ];
    const activity = countActivity(layers, { x: inputSpikes, hidden: hiddenSpikes }, steps);
    expect(activity).toEqual({ steps, compartments: 2 * n, spikes: inputSpikes + hiddenSpikes, synapticOps: (inputSpikes + hiddenSpikes) * n, macs: 2 * n * n });
    const loihi = estimateEnergy(activity).platforms[0]!;
    expect(loihi.energyJ.min).toBeCloseTo(((inputSpikes + hiddenSpikes) * (n * 23.6 + 1.7) + 2 * n * steps * 52) * 1e-12, 20);
  });
});
