import { LoihiEmulator } from './loihi-emulator.js';
import type { LoihiEmulatorNetwork } from './types.js';

/** Options of {@link measureEmulatorThroughput}. */
export interface EmulatorThroughputOptions {
  /** Compartments per layer (two dense layers of this size, input -> hidden -> output). */
  readonly compartments: number;
  /** Samples stepped side by side; default 1. */
  readonly nSamples?: number;
  /** Timed steps (after 5 untimed warm-up steps). */
  readonly steps: number;
}

/** Result of {@link measureEmulatorThroughput}. */
export interface EmulatorThroughput {
  /** Emulator steps per second of wall-clock time (each step covers all samples). */
  readonly stepsPerSec: number;
  /** Compartment updates per second (steps x samples x compartments). */
  readonly compartmentStepsPerSec: number;
  /** Wall-clock time of the timed steps (s). */
  readonly seconds: number;
  /** Spikes of the timed steps (keeps the work observable). */
  readonly spikes: number;
}

/**
 * Time {@link LoihiEmulator}: a spike input of `compartments` axons, each firing every 4th
 * step (staggered), densely connected to a LIF block of `compartments`, densely connected to
 * a second one (Trace A's decays, deterministic weights). For the workspace benchmark.
 */
export function measureEmulatorThroughput(options: EmulatorThroughputOptions): EmulatorThroughput {
  const { compartments: n, steps, nSamples = 1 } = options;
  const dense = () => Int32Array.from({ length: n * n }, (_, i) => ((i * 2654435761) % 8192) - 3072);
  const layer = (label: string) => ({
    label, decayU: 741, decayV: 200, refractDelay: 3, vmin: 0, vmax: 2 ** 23 - 1,
    vth: new Int32Array(n).fill(536704), bias: new Int32Array(n).fill(4096),
  });
  const network: LoihiEmulatorNetwork = {
    inputs: [{ label: 'x', nAxons: n }],
    blocks: [layer('hidden'), layer('out')],
    synapses: [{ source: 'x', target: 'hidden', weights: dense() }, { source: 'hidden', target: 'out', weights: dense() }],
  };
  const emu = new LoihiEmulator(network, { nSamples });
  const phases = Array.from({ length: 4 }, (_, p) => ({ x: Uint8Array.from({ length: nSamples * n }, (_, i) => ((i + p) % 4 === 0 ? 1 : 0)) }));
  emu.run(5, (t) => phases[t % 4]);
  const before = countSpikes(emu);
  const t0 = performance.now();
  emu.run(steps, (t) => phases[t % 4]);
  const seconds = (performance.now() - t0) / 1000;
  return {
    stepsPerSec: steps / seconds,
    compartmentStepsPerSec: (steps * nSamples * 2 * n) / seconds,
    seconds,
    spikes: countSpikes(emu) - before,
  };
}

function countSpikes(emu: LoihiEmulator): number {
  let total = 0;
  for (const label of ['hidden', 'out']) for (const c of emu.spikeCounts(label)) total += c;
  return total;
}
