import { LoihiEmulator } from '@snn/loihi';
import { LOIHI_EXAMPLE, ToSpikes, loihiExampleNetwork, type LoihiExampleScales } from './loihi-example-network.js';

/** The example's on-chip layers. */
export const LAYERS = ['conv0', 'conv1', 'dense0'] as const;
const SIZES = {
  conv0: LOIHI_EXAMPLE.conv0[0] * LOIHI_EXAMPLE.conv0[1] * LOIHI_EXAMPLE.conv0[2],
  conv1: LOIHI_EXAMPLE.conv1[0] * LOIHI_EXAMPLE.conv1[1] * LOIHI_EXAMPLE.conv1[2],
  dense0: LOIHI_EXAMPLE.dense0,
};

/** Spike totals and time of {@link emulate}. */
export interface RunResult {
  readonly seconds: number;
  /** Spikes per layer over all images and steps. */
  readonly spikes: Record<(typeof LAYERS)[number], number>;
  /** Input (to-spikes) spikes over all images and steps. */
  readonly inputSpikes: number;
}

/** Emulate `count` images of `images` for `nSteps` steps in batches of `batch`, timing host encoding and emulation. */
export function emulate(scales: LoihiExampleScales, images: Float32Array, count: number, nSteps: number, batch: number, maxRateHz: number, tick?: (done: number) => void): RunResult {
  const network = loihiExampleNetwork(scales);
  const emulators = new Map<number, LoihiEmulator>();
  const spikes = { conv0: 0, conv1: 0, dense0: 0 };
  let inputSpikes = 0;
  const t0 = performance.now();
  for (let start = 0; start < count; start += batch) {
    const n = Math.min(batch, count - start);
    let emu = emulators.get(n);
    if (emu === undefined) emulators.set(n, (emu = new LoihiEmulator(network, { nSamples: n })));
    emu.reset();
    const host = new ToSpikes(images.subarray(start * 784, (start + n) * 784), n, maxRateHz);
    const input = { x: host.spikes };
    for (let t = 0; t < nSteps; t++) {
      host.step();
      for (let i = 0; i < host.spikes.length; i++) inputSpikes += host.spikes[i]!;
      emu.step(input);
    }
    for (const l of LAYERS) for (const c of emu.spikeCounts(l)) spikes[l] += c;
    tick?.(start + n);
  }
  const seconds = (performance.now() - t0) / 1000;
  return { seconds, spikes, inputSpikes };
}

/** Mean firing rate of `layer` in Hz (dt 1 ms) from spike totals over `images` x `nSteps`. */
export function meanRateHz(spikes: number, layer: (typeof LAYERS)[number], images: number, nSteps: number): number {
  return spikes / (SIZES[layer] * images * nSteps * 0.001);
}
