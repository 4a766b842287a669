import { describe, expect, it } from 'vitest';
import { convToDense, LoihiEmulator, type ConvSynapse } from '@snn/loihi';
import { loadMnist } from '@snn/mnist/node';
import { ToSpikes, loihiExampleNetwork } from './loihi-example-network.js';
import { emulate, meanRateHz } from './loihi-example-run.js';

describe('the loihi-emulator benchmark network', () => {
  it('encodes intensities as integrate-and-fire spikes: 250 Hz spikes every 4th step, gains 1, 0.7, 0.4', () => {
    const image = new Float32Array(784);
    image[0] = 1;
    image[1] = 0.5;
    const host = new ToSpikes(image, 1, 250);
    const counts = new Array<number>(6).fill(0);
    const firstAt: number[] = [];
    for (let t = 1; t <= 40; t++) {
      const s = host.step();
      for (let i = 0; i < 6; i++) counts[i]! += s[i]!;
      if (s[0] === 1) firstAt.push(t);
    }
    // rates 250, 175, 100 Hz (pixel 1) and 125, 88, 50 Hz (pixel 0.5) for 40 ms
    expect(counts).toEqual([10, 7, 4, 5, 3, 2]);
    expect(firstAt.slice(0, 3)).toEqual([4, 8, 12]);
    expect(host.spikes.length).toBe(784 * 3);
  });

  it('has the example shapes, chip-range weights, and its conv layers equal their dense expansion', () => {
    const net = loihiExampleNetwork({ conv0: 1e6, conv1: 400, dense0: 300 });
    expect(net.blocks.map((b) => [b.label, b.vth.length])).toEqual([['conv0', 5408], ['conv1', 2304], ['dense0', 100]]);
    const conv0 = net.synapses[0] as ConvSynapse<Int32Array>;
    expect(Math.max(...conv0.kernel.map(Math.abs))).toBe(16320);
    const dense = { ...net, synapses: [{ source: 'x', target: 'conv0', weights: convToDense(conv0) }, ...net.synapses.slice(1)] };
    const images = loadMnist('test', 2).images;
    const [a, b] = [new LoihiEmulator(net, { nSamples: 2 }), new LoihiEmulator(dense, { nSamples: 2 })];
    const host = new ToSpikes(images, 2, 250);
    for (let t = 0; t < 10; t++) {
      const x = host.step();
      a.step({ x });
      b.step({ x });
    }
    expect(a.spikeCounts('conv1')).toEqual(b.spikeCounts('conv1'));
    expect(a.spikeCounts('conv0').reduce((s, c) => s + c, 0)).toBeGreaterThan(0);
  });

  it('emulate counts the spikes of every layer', () => {
    const images = loadMnist('test', 4).images;
    const r = emulate({ conv0: 1877, conv1: 427, dense0: 264 }, images, 4, 30, 2, 250);
    for (const l of ['conv0', 'conv1', 'dense0'] as const) expect(meanRateHz(r.spikes[l], l, 4, 30)).toBeGreaterThan(20);
    expect(r.inputSpikes).toBeGreaterThan(0);
  });
});
