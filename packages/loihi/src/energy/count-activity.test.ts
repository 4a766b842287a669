import { describe, expect, it } from 'vitest';
import type { LoihiLayer } from '../resources/layer.js';
import { kerasToLoihiLayers } from '../resources/test-support/keras-to-loihi-layers.js';
import { annMacs, connectionSynapses } from './connection-synapses.js';
import { countActivity, spikesFromRates } from './count-activity.js';

const conv = (padding: 'valid' | 'same', s: number) => ({ kind: 'conv2d', kernel: [3, 3], strides: [s, s], padding }) as const;

describe('connectionSynapses', () => {
  it('counts every pair of a dense connection', () => {
    expect(connectionSynapses([{ name: 'a', shape: [4] }, { name: 'b', shape: [3], input: { kind: 'dense' } }], 1)).toBe(12);
  });

  it('counts 3x3 stride-2 valid taps: 2x2 outputs x 9 taps x 1 in x 2 out channels', () => {
    expect(connectionSynapses([{ name: 'a', shape: [5, 5, 1] }, { name: 'b', shape: [2, 2, 2], input: conv('valid', 2) }], 1)).toBe(72);
  });

  it('counts only in-bounds taps of a same-padded conv: 4 corners x 4 + 4 edges x 6 + 9 = 49', () => {
    expect(connectionSynapses([{ name: 'a', shape: [3, 3, 1] }, { name: 'b', shape: [3, 3, 1], input: conv('same', 1) }], 1)).toBe(49);
  });

  it('gives the keras-to-loihi example its MACs: 13*13*32*27 + 6*6*64*288 + 2304*100 + 100*10', () => {
    expect(annMacs(kerasToLoihiLayers)).toBe(146_016 + 663_552 + 230_400 + 1_000);
  });
});

describe('countActivity', () => {
  const layers: LoihiLayer[] = [
    { name: 'in', shape: [4], offChip: true },
    { name: 'hidden', shape: [3], input: { kind: 'dense' } },
    { name: 'out', shape: [2], input: { kind: 'dense' }, offChip: true },
  ];

  it('counts on-chip compartments, spikes into the chip and their fan-out; the off-chip output costs no syn op', () => {
    expect(countActivity(layers, { in: 5, hidden: 2 }, 10)).toEqual({ steps: 10, compartments: 3, spikes: 5, synapticOps: 15, macs: 18 });
  });

  it('uses the mean conv fan-out (exact when every neuron fires equally)', () => {
    const convLayers: LoihiLayer[] = [{ name: 'a', shape: [5, 5, 1], offChip: true }, { name: 'b', shape: [2, 2, 2], input: conv('valid', 2) }];
    // 25 neurons each spiking once deliver the 72 taps once each.
    expect(countActivity(convLayers, { a: 25 }, 1).synapticOps).toBe(72);
  });

  it('names the layer whose spike count is missing', () => {
    expect(() => countActivity(layers, { hidden: 2 }, 10)).toThrow(/in: no spike count given; pass spikes\.in/);
    expect(() => countActivity(layers, { in: 5, hidden: 1 }, 0)).toThrow(/steps must be a positive integer/);
  });
});

describe('spikesFromRates', () => {
  it('turns mean rates into spikes per inference: rate x steps x dt x neurons, 0 for a layer without a rate', () => {
    const spikes = spikesFromRates(kerasToLoihiLayers, { conv0: 50, dense0: 20 }, 30, 0.001);
    // conv0 13x13x32 = 5408 neurons at 50 Hz for 30 ms: 8112 spikes; dense0 100 at 20 Hz: 60
    expect(spikes.conv0).toBeCloseTo(8112, 9);
    expect(spikes.dense0).toBeCloseTo(60, 9);
    expect(spikes.conv1).toBe(0);
  });
});
