import { SnnError } from '@snn/ir';
import { describe, expect, it } from 'vitest';
import { synapseGeometry } from '../resources/synapse-geometry.js';
import { convFanout } from './conv-fanout.js';
import { convGeometry } from './conv-geometry.js';
import { convToDense } from './conv-dense.js';
import type { ConvSynapse } from './conv-synapse.js';
import { LoihiEmulator } from './loihi-emulator.js';
import { seededInts } from './seeded-ints.js';
import { SimrealEmulator } from './simreal-emulator.js';
import type { LoihiEmulatorBlock, LoihiEmulatorNetwork, LoihiEmulatorSynapse } from './types.js';

// A Loihi spiking-ReLU-like block: 5 ms current filter, integrating voltage, one-step refractory.
function block(label: string, n: number, vth: number): LoihiEmulatorBlock {
  return { label, decayU: 743, decayV: 0, refractDelay: 1, vmin: 0, vmax: 2 ** 23 - 1, vth: new Int32Array(n).fill(vth), bias: new Int32Array(n) };
}

interface Case {
  readonly name: string;
  readonly inputShape: [number, number, number];
  readonly kernelSize: [number, number];
  readonly filters: number;
  readonly strides: [number, number];
  readonly padding: 'valid' | 'same';
}

const cases: Case[] = [
  { name: '3x3 stride 2 valid (the example conv0 shape, small)', inputShape: [9, 9, 3], kernelSize: [3, 3], filters: 8, strides: [2, 2], padding: 'valid' },
  { name: '3x3 stride 1 same', inputShape: [7, 6, 2], kernelSize: [3, 3], filters: 5, strides: [1, 1], padding: 'same' },
  { name: '4x2 strides 3,2 same (uneven padding)', inputShape: [10, 7, 3], kernelSize: [4, 2], filters: 4, strides: [3, 2], padding: 'same' },
  { name: '2x3 strides 1,3 valid', inputShape: [6, 11, 2], kernelSize: [2, 3], filters: 3, strides: [1, 3], padding: 'valid' },
];

/** input -> conv -> block "a" -> conv -> block "b", and the same with both convolutions expanded to dense matrices. */
function networks(c: Case, seed: number): [LoihiEmulatorNetwork, LoihiEmulatorNetwork, number] {
  const [rows, cols, channels] = c.inputShape;
  const first: ConvSynapse<Int32Array> = {
    kind: 'conv2d', source: 'x', target: 'a', inputShape: c.inputShape, kernelSize: c.kernelSize, filters: c.filters,
    strides: c.strides, padding: c.padding, kernel: seededInts(seed, c.kernelSize[0] * c.kernelSize[1] * channels * c.filters, -6000, 9000),
  };
  const g = convGeometry(first);
  const second: ConvSynapse<Int32Array> = {
    kind: 'conv2d', source: 'a', target: 'b', inputShape: [g.outRows, g.outCols, c.filters], kernelSize: [2, 2], filters: 3,
    padding: 'same', kernel: seededInts(seed + 1, 2 * 2 * c.filters * 3, -20000, 30000),
  };
  const g2 = convGeometry(second);
  const blocks = [block('a', g.outRows * g.outCols * c.filters, 20000), block('b', g2.outRows * g2.outCols * 3, 30000)];
  const inputs = [{ label: 'x', nAxons: rows * cols * channels }];
  const dense = (s: ConvSynapse<Int32Array>): LoihiEmulatorSynapse => ({ source: s.source, target: s.target, weights: convToDense(s) });
  return [
    { inputs, blocks, synapses: [first, second] },
    { inputs, blocks, synapses: [dense(first), dense(second)] },
    rows * cols * channels,
  ];
}

describe('ConvSynapse', () => {
  for (const c of cases) {
    it(`delivers what its dense expansion delivers, bit for bit over 30 steps: ${c.name}`, () => {
      const nSamples = 3;
      const [conv, dense, nAxons] = networks(c, 17);
      const a = new LoihiEmulator(conv, { nSamples });
      const b = new LoihiEmulator(dense, { nSamples });
      let spikes = 0;
      for (let t = 1; t <= 30; t++) {
        // ~25% of input axons spike each step, a fresh pattern per step and sample
        const x = Uint8Array.from(seededInts(1000 + t, nSamples * nAxons, 0, 3), (r) => (r === 0 ? 1 : 0));
        a.step({ x });
        b.step({ x });
        for (const label of ['a', 'b']) {
          expect(a.current(label)).toEqual(b.current(label));
          expect(a.voltage(label)).toEqual(b.voltage(label));
          expect(a.spiked(label)).toEqual(b.spiked(label));
        }
      }
      for (const label of ['a', 'b']) for (const n of a.spikeCounts(label)) spikes += n;
      expect(spikes).toBeGreaterThan(100);
      expect(a.spikeCounts('b')).toEqual(b.spikeCounts('b'));
    });
  }

  it('wraps the 32-bit input sum exactly as the dense delivery does', () => {
    const syn: ConvSynapse<Int32Array> = {
      kind: 'conv2d', source: 'x', target: 'a', inputShape: [4, 4, 8], kernelSize: [3, 3], filters: 2, padding: 'same',
      kernel: new Int32Array(3 * 3 * 8 * 2).fill(2 ** 30),
    };
    const make = (s: LoihiEmulatorSynapse): LoihiEmulator =>
      new LoihiEmulator({ inputs: [{ label: 'x', nAxons: 128 }], blocks: [block('a', 32, 1)], synapses: [s] });
    const a = make(syn);
    const b = make({ source: 'x', target: 'a', weights: convToDense(syn) });
    const x = new Uint8Array(128).fill(1);
    for (let t = 0; t < 3; t++) {
      a.step({ x });
      b.step({ x });
      expect(a.current('a')).toEqual(b.current('a'));
    }
    expect(a.warnings).toEqual(b.warnings);
  });

  it('float kernels in the simreal emulator: same sums as the dense expansion (contributions arrive in axon order either way)', () => {
    const c = cases[1]!;
    const kernel = Float64Array.from(seededInts(9, 3 * 3 * 2 * 5, -1000, 1500), (w) => w / 997);
    const syn = { kind: 'conv2d', source: 'x', target: 'a', inputShape: c.inputShape, kernelSize: c.kernelSize, filters: c.filters, padding: c.padding, kernel } as const;
    const n = 7 * 6 * 5;
    const blockF = { label: 'a', decayU: 0.18, decayV: 0, scaleU: true, scaleV: false, vth: new Float64Array(n).fill(1), bias: new Float64Array(n), refractDelay: 1, vmin: 0, vmax: Infinity };
    const make = (s: ConvSynapse<Float64Array> | { source: string; target: string; weights: Float64Array }) =>
      new SimrealEmulator({ inputs: [{ label: 'x', nAxons: 84 }], blocks: [blockF], synapses: [s] }, 2);
    const [a, b] = [make(syn), make({ source: 'x', target: 'a', weights: convToDense(syn) })];
    for (let t = 1; t <= 30; t++) {
      const x = Uint8Array.from(seededInts(50 + t, 2 * 84, 0, 2), (r) => (r === 0 ? 1 : 0));
      a.step({ x });
      b.step({ x });
      expect(a.voltage('a')).toEqual(b.voltage('a'));
    }
    expect(a.spikeCounts('a').reduce((s, k) => s + k, 0)).toBeGreaterThan(100);
  });

  it('a spike of the centre pixel reaches each 2x2 window at the mirrored kernel tap', () => {
    // kernel[kr, kc, 0, 0] = 10 * (kr * 2 + kc + 1): taps 10, 20, 30, 40
    const syn: ConvSynapse<Int32Array> = {
      kind: 'conv2d', source: 'x', target: 'a', inputShape: [3, 3, 1], kernelSize: [2, 2], filters: 1, kernel: Int32Array.of(10, 20, 30, 40),
    };
    const unfiltered = { ...block('a', 4, 10 ** 6), decayU: 4095 };
    const emu = new LoihiEmulator({ inputs: [{ label: 'x', nAxons: 9 }], blocks: [unfiltered], synapses: [syn] });
    emu.step({ x: Uint8Array.of(0, 0, 0, 0, 1, 0, 0, 0, 0) });
    emu.step();
    // output (0,0) sees it at tap (1,1), (0,1) at (1,0), (1,0) at (0,1), (1,1) at (0,0)
    expect([...emu.current('a')]).toEqual([40, 30, 20, 10]);
  });

  it("reaches the same compartments per pixel as Nengo Loihi's conv2d synapse geometry", () => {
    for (const c of cases) {
      const syn: ConvSynapse<Int32Array> = {
        kind: 'conv2d', source: 'x', target: 'a', inputShape: c.inputShape, kernelSize: c.kernelSize, filters: c.filters,
        strides: c.strides, padding: c.padding, kernel: new Int32Array(c.kernelSize[0] * c.kernelSize[1] * c.inputShape[2] * c.filters),
      };
      const g = convGeometry(syn);
      const fan = convFanout(g);
      const conn = { kind: 'conv2d', kernel: c.kernelSize, strides: c.strides, padding: c.padding } as const;
      const nengo = synapseGeometry(conn, c.inputShape, [g.outRows, g.outCols, c.filters], 'conv');
      for (let p = 0; p < g.rows * g.cols; p++) {
        const mine: number[] = [];
        for (let e = fan.start[p]!; e < fan.start[p + 1]!; e++) for (let k = 0; k < c.filters; k++) mine.push(fan.outputOffset[e]! + k);
        expect(mine.sort((x, y) => x - y)).toEqual([...(nengo.targets[p] ?? [])].sort((x, y) => x - y));
      }
    }
  });

  it('names the synapse and the expected sizes when a shape is wrong', () => {
    const syn: ConvSynapse<Int32Array> = {
      kind: 'conv2d', source: 'x', target: 'a', inputShape: [5, 5, 2], kernelSize: [3, 3], filters: 4, kernel: new Int32Array(3 * 3 * 2 * 4),
    };
    const net = (s: ConvSynapse<Int32Array>, nAxons: number, n: number): LoihiEmulatorNetwork => ({ inputs: [{ label: 'x', nAxons }], blocks: [block('a', n, 1)], synapses: [s] });
    expect(() => new LoihiEmulator(net(syn, 50, 36))).not.toThrow();
    expect(() => new LoihiEmulator(net(syn, 49, 36))).toThrow(/source "x" has 49 compartments; the convolution needs 5 x 5 x 2 = 50/);
    expect(() => new LoihiEmulator(net(syn, 50, 100))).toThrow(/target "a" has 100 compartments; the convolution needs 3 x 3 x 4 = 36/);
    expect(() => new LoihiEmulator(net({ ...syn, kernel: new Int32Array(7) }, 50, 36))).toThrow(/kernel has 7 values; expected rows x cols x channels x filters = 3 x 3 x 2 x 4 = 72/);
    expect(() => new LoihiEmulator(net({ ...syn, kernelSize: [6, 6], kernel: new Int32Array(6 * 6 * 8) }, 50, 36))).toThrow(SnnError);
  });
});
