import { decayUInt, type LoihiEmulatorBlock, type LoihiEmulatorNetwork, type LoihiEmulatorSynapse } from '@snn/loihi';
import { seededInts } from '@snn/loihi/testing';

/** Thresholds of the Loihi spiking ReLU blocks (5 ms synapse at dt 1 ms, integrating voltage, reset to 0, no refractory period). */
const VTH = { conv0: 2 ** 12, conv1: 2 ** 16, dense0: 2 ** 18 };

/** Layer sizes of the keras-to-loihi example on chip: to-spikes (off-chip) 28x28x3 -> 13x13x32 -> 6x6x64 -> 100. */
export const LOIHI_EXAMPLE = { input: [28, 28, 3], conv0: [13, 13, 32], conv1: [6, 6, 64], dense0: 100 } as const;

/** Per-layer weight scales of {@link loihiExampleNetwork} (chip weight units per unit of the random draw). */
export interface LoihiExampleScales {
  readonly conv0: number;
  readonly conv1: number;
  readonly dense0: number;
}

function block(label: keyof typeof VTH, n: number): LoihiEmulatorBlock {
  return {
    label, decayU: decayUInt(-Math.expm1(-1 / 5)), decayV: 0, refractDelay: 1, vmin: 0, vmax: 2 ** 23 - 1,
    vth: new Int32Array(n).fill(VTH[label]), bias: new Int32Array(n),
  };
}

/**
 * Seeded random integer weights, `round(scale * (u - 0.35))` with u uniform on [0, 1) (mostly
 * excitatory, a third inhibitory), clipped to the chip's 8-bit mantissa x 2^6 (|W_int| <= 16320).
 */
function weights(seed: number, n: number, scale: number): Int32Array {
  return seededInts(seed, n, 0, 9999).map((u) => Math.max(-16320, Math.min(16320, Math.round(scale * (u / 10000 - 0.35)))));
}

/**
 * The keras-to-loihi example's on-chip layers with random weights: spike input "x" (28x28x3)
 * -> conv 3x3x32 stride 2 (valid) -> conv 3x3x64 stride 2 -> dense 100, as conv and dense
 * synapses of {@link LoihiEmulator}.
 */
export function loihiExampleNetwork(scales: LoihiExampleScales, seed = 1): LoihiEmulatorNetwork {
  const [c0, c1] = [LOIHI_EXAMPLE.conv0, LOIHI_EXAMPLE.conv1];
  const n0 = c0[0] * c0[1] * c0[2];
  const n1 = c1[0] * c1[1] * c1[2];
  const synapses: LoihiEmulatorSynapse[] = [
    { kind: 'conv2d', source: 'x', target: 'conv0', inputShape: LOIHI_EXAMPLE.input, kernelSize: [3, 3], filters: 32, strides: [2, 2], kernel: weights(seed, 3 * 3 * 3 * 32, scales.conv0) },
    { kind: 'conv2d', source: 'conv0', target: 'conv1', inputShape: c0, kernelSize: [3, 3], filters: 64, strides: [2, 2], kernel: weights(seed + 1, 3 * 3 * 32 * 64, scales.conv1) },
    { source: 'conv1', target: 'dense0', weights: weights(seed + 2, n1 * LOIHI_EXAMPLE.dense0, scales.dense0) },
  ];
  return {
    inputs: [{ label: 'x', nAxons: 28 * 28 * 3 }],
    blocks: [block('conv0', n0), block('conv1', n1), block('dense0', LOIHI_EXAMPLE.dense0)],
    synapses,
  };
}

/**
 * The off-chip to-spikes layer on the host: a 1x1 conv with 3 positive filters (gains 1, 0.7,
 * 0.4) on the pixel intensity, as integrate-and-fire rates up to `maxRateHz` (dt 1 ms). Steps
 * `nSamples` images at once into `spikes` (samples x 28x28x3), allocation-free.
 */
export class ToSpikes {
  private readonly rates: Int32Array;
  private readonly phase: Int32Array;
  readonly spikes: Uint8Array;

  /** `images` are `nSamples x 784` intensities in [0, 1]. */
  constructor(images: Float32Array, nSamples: number, maxRateHz: number) {
    const gains = [1, 0.7, 0.4];
    this.rates = new Int32Array(nSamples * 784 * 3);
    for (let i = 0; i < nSamples * 784; i++) for (let f = 0; f < 3; f++) this.rates[i * 3 + f] = Math.round(maxRateHz * gains[f]! * images[i]!);
    this.phase = new Int32Array(this.rates.length);
    this.spikes = new Uint8Array(this.rates.length);
  }

  /** One host step: a spike wherever the accumulated rate passes 1000 (one spike per 1000 Hz-steps). */
  step(): Uint8Array {
    const { rates, phase, spikes } = this;
    for (let i = 0; i < rates.length; i++) {
      const p = phase[i]! + rates[i]!;
      const s = p >= 1000 ? 1 : 0;
      phase[i] = p - s * 1000;
      spikes[i] = s;
    }
    return spikes;
  }
}
