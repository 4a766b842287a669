import type { Graph } from '@snn/ir';
import { argmaxRows, type NeuronLookup, type SynapseLookup } from '@snn/sim';
import { LoihiEmulator } from '../emulator/loihi-emulator.js';
import { amplitudeOf, sizeOf } from './current-per-spike.js';
import { runHostLayers } from './host-layers.js';
import type { LoihiMapping } from './map-to-loihi.js';
import { toEmulatorNetwork } from './to-emulator-network.js';

/** Settings of one {@link emulateShard} run (validated by the caller). */
export interface ShardSettings {
  readonly steps: number;
  readonly batchSize: number;
  readonly readout: 'last' | 'mean';
  readonly registries: { readonly neurons: NeuronLookup; readonly synapses: SynapseLookup };
  readonly onProgress?: (done: number) => void;
}

/**
 * The raw counts of emulating a contiguous range of images, which shards of a parallel run
 * return and {@link finishClassification} merges (plain data: it crosses thread boundaries).
 */
export interface ClassifierShard {
  readonly images: number;
  readonly predictions: Int32Array;
  /** Per batch, the host population's mean rate times the batch's images (summed in order). */
  readonly hostRateTimesImages: Float64Array;
  /** Spikes per chip layer. */
  readonly spikes: Readonly<Record<string, number>>;
  /** Per chip layer, neuron-image pairs in which the neuron was saturated (see {@link emulateShard}). */
  readonly saturatedPairs: Readonly<Record<string, number>>;
  /** Per chip layer, 1 for each neuron that spiked on every step of some image. */
  readonly saturated: Readonly<Record<string, Uint8Array>>;
  /** Emulator warnings (register overflows), each once. */
  readonly warnings: readonly string[];
}

/**
 * Emulate `images` batch by batch (spec §3.2): the host populations in the float simulator,
 * their spikes entering the chip one step later, the chip layers bit-exact, the host dense
 * output reading the last chip layer's spikes through the output edge's lowpass one step late;
 * the class from the last step's output or the mean over the steps (`readout`). A neuron is
 * saturated on an image when it spiked on every step from its first spike to the end, for at
 * least half the steps (spikes reach a layer a step after its source's, so "every step" counts
 * from the first).
 */
export function emulateShard(mapping: LoihiMapping, graph: Graph, images: Float32Array, settings: ShardSettings): ClassifierShard {
  const { steps, batchSize: batch } = settings;
  const dt = mapping.dt;
  const network = toEmulatorNetwork(mapping);
  const host = mapping.hostLayers[mapping.hostLayers.length - 1]!;
  const nHost = sizeOf(host.shape);
  const inputSize = sizeOf(mapping.chain.inputShape);
  const nImages = images.length / inputSize;
  const lastChip = mapping.layers[mapping.layers.length - 1]!.name;
  const lastLayer = mapping.chain.layers[mapping.chain.layers.length - 1]!;
  const out = mapping.chain.output;
  const nClass = out.dense.weights.shape[1]!;
  const nLast = sizeOf(lastLayer.shape);
  const spikeHeight = amplitudeOf(lastLayer.neurons) / dt;
  const a = out.tauS > 0 ? Math.exp(-dt / out.tauS) : 0;
  const meanReadout = settings.readout === 'mean';
  const predictions = new Int32Array(nImages);
  const hostRateTimesImages = new Float64Array(Math.ceil(nImages / batch));
  const spikes: Record<string, number> = {};
  const saturatedPairs: Record<string, number> = {};
  const saturated: Record<string, Uint8Array> = {};
  for (const l of mapping.layers) {
    spikes[l.name] = 0;
    saturatedPairs[l.name] = 0;
    saturated[l.name] = new Uint8Array(l.block.n);
  }
  const warnings = new Set<string>();
  for (let start = 0; start < nImages; start += batch) {
    const n = Math.min(batch, nImages - start);
    const hostRun = runHostLayers(mapping, graph, images.subarray(start * inputSize, (start + n) * inputSize), steps, settings.registries);
    hostRateTimesImages[start / batch] = hostRun.firingRateHz * n;
    const emu = new LoihiEmulator(network, { nSamples: n });
    const slot = new Uint8Array(n * nHost);
    const trace = new Float64Array(n * nLast);
    const prev = new Uint8Array(n * nLast);
    const sum = new Float64Array(meanReadout ? n * nLast : 0);
    const inputs = { [host.neurons.id]: slot };
    const runs = mapping.layers.map((l) => new Uint16Array(n * l.block.n));
    for (let t = 1; t <= steps; t++) {
      for (let i = 0; i < trace.length; i++) trace[i] = a * trace[i]! + (1 - a) * prev[i]! * spikeHeight;
      for (let i = 0; i < sum.length; i++) sum[i] += trace[i]!;
      for (let s = 0; s < n; s++) slot.set(hostRun.spikes.subarray((s * steps + t - 1) * nHost, (s * steps + t) * nHost), s * nHost);
      emu.step(inputs);
      prev.set(emu.spiked(lastChip));
      mapping.layers.forEach((l, k) => countRuns(emu.spiked(l.name), runs[k]!));
    }
    if (meanReadout) {
      // the mean over the steps of every spike the host received, the last step's included (it arrives one step late)
      for (let i = 0; i < trace.length; i++) trace[i] = (sum[i]! + a * trace[i]! + (1 - a) * prev[i]! * spikeHeight) / steps;
    }
    for (const [k, l] of mapping.layers.entries()) {
      const counts = emu.spikeCounts(l.name);
      const run = runs[k]!;
      const flags = saturated[l.name]!;
      let total = 0;
      let pairs = 0;
      for (let i = 0; i < counts.length; i++) {
        total += counts[i]!;
        // saturated: every step from its first spike on, at least half the presentation
        if (run[i] === counts[i] && 2 * counts[i]! >= steps) (pairs++, (flags[i % flags.length] = 1));
      }
      spikes[l.name] += total;
      saturatedPairs[l.name] += pairs;
    }
    for (const w of emu.warnings) warnings.add(w);
    predictions.set(argmaxRows(readout(trace, out.dense.weights.data, out.dense.bias?.data, nLast, nClass), nClass), start);
    settings.onProgress?.(start + n);
  }
  return { images: nImages, predictions, hostRateTimesImages, spikes, saturatedPairs, saturated, warnings: [...warnings] };
}

/** Per compartment, the spikes in a row up to this step (0 where it did not spike). */
function countRuns(spiked: Uint8Array, run: Uint16Array): void {
  for (let i = 0; i < spiked.length; i++) run[i] = spiked[i] !== 0 ? run[i]! + 1 : 0;
}

/** `trace (samples x nIn) . weights (nIn x nOut) + bias` as float32 rows for argmax. */
function readout(trace: Float64Array, weights: Float32Array, bias: Float32Array | undefined, nIn: number, nOut: number): Float32Array {
  const samples = trace.length / nIn;
  const y = new Float32Array(samples * nOut);
  for (let s = 0; s < samples; s++) {
    for (let j = 0; j < nOut; j++) {
      let acc = bias?.[j] ?? 0;
      for (let i = 0; i < nIn; i++) acc += trace[s * nIn + i]! * weights[i * nOut + j]!;
      y[s * nOut + j] = acc;
    }
  }
  return y;
}
