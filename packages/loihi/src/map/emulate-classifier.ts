import type { Graph } from '@snn/ir';
import { argmaxRows, type NeuronLookup, type SynapseLookup } from '@snn/sim';
import { loihiError } from '../error-codes.js';
import { LoihiEmulator } from '../emulator/loihi-emulator.js';
import { createLoihiRegistries } from '../registries.js';
import { amplitudeOf, sizeOf } from './current-per-spike.js';
import { runHostLayers } from './host-layers.js';
import { mapToLoihi, type LoihiMapping } from './map-to-loihi.js';
import { toEmulatorNetwork } from './to-emulator-network.js';

/** Options of {@link emulateClassifier}. */
export interface EmulateClassifierOptions {
  /** Steps each image is presented (default 30). */
  readonly steps?: number;
  /** 'reset': every image starts from zero state in its own batch lane (the only mode so far). */
  readonly presentation?: 'reset';
  /** Neurons node ids run on the host (default: the first population). */
  readonly offChip?: readonly string[];
  /** Time step (s), default 0.001. */
  readonly dt?: number;
  /** Images emulated side by side (default 50). */
  readonly batchSize?: number;
  /** Registries of the host simulator (default: createLoihiRegistries()). */
  readonly registries?: { readonly neurons: NeuronLookup; readonly synapses: SynapseLookup };
  /** Called after each batch with images done and total. */
  readonly onProgress?: (done: number, total: number) => void;
  /**
   * How the output over time becomes a prediction: its last step (NengoDL's) or its mean over
   * all steps (what calibrated networks are read with). Default: the graph's `metadata.readout`, else last.
   */
  readonly readout?: 'last' | 'mean';
}

/** Accuracy and activity of an emulated classifier. */
export interface EmulatedClassification {
  /** Fraction of images whose largest output is their label. */
  readonly accuracy: number;
  /** Predicted class per image. */
  readonly predictions: Int32Array;
  /** Mean firing rate (Hz) per population, host ones included, by neurons node id. */
  readonly firingRateHz: Readonly<Record<string, number>>;
  /** Emulator warnings (register overflows). */
  readonly warnings: readonly string[];
  /** The mapping the run used (blocks, quantization). */
  readonly mapping: LoihiMapping;
}

/**
 * Classify `images` (samples x input size) on the integer emulator: the host populations run in the
 * float simulator, their spikes enter the chip one step later, the chip layers run bit-exact, and the
 * host dense output reads the last chip layer's spikes (amplitude/dt each) through the output edge's
 * lowpass, one step late as the host receives them (spec §3.2); the class is read on the last step,
 * or from the mean over the steps (`readout`).
 */
export function emulateClassifier(graph: Graph, images: Float32Array, labels: ArrayLike<number>, options: EmulateClassifierOptions = {}): EmulatedClassification {
  const steps = options.steps ?? 30;
  const dt = options.dt ?? 0.001;
  const mapping = mapToLoihi(graph, { offChip: options.offChip, dt });
  if (mapping.hostLayers.length === 0) throw loihiError('LOIHI_UNSUPPORTED', 'emulateClassifier needs an off-chip first population to turn images into spikes', 'offChip');
  const inputSize = sizeOf(mapping.chain.inputShape);
  const nImages = images.length / inputSize;
  if (!Number.isInteger(nImages) || nImages !== labels.length) {
    throw loihiError('LOIHI_BAD_ARGUMENT', `got ${images.length} image values (input size ${inputSize}) for ${labels.length} labels; give one image per label`, 'images');
  }
  const registries = options.registries ?? createLoihiRegistries();
  const network = toEmulatorNetwork(mapping);
  const host = mapping.hostLayers[mapping.hostLayers.length - 1]!;
  const nHost = sizeOf(host.shape);
  const lastChip = mapping.layers[mapping.layers.length - 1]!.name;
  const lastLayer = mapping.chain.layers[mapping.chain.layers.length - 1]!;
  const out = mapping.chain.output;
  const nClass = out.dense.weights.shape[1]!;
  const nLast = sizeOf(lastLayer.shape);
  const spikeHeight = amplitudeOf(lastLayer.neurons) / dt;
  const a = out.tauS > 0 ? Math.exp(-dt / out.tauS) : 0;
  const meanReadout = (options.readout ?? (graph.metadata as { readout?: string } | undefined)?.readout) === 'mean';
  const predictions = new Int32Array(nImages);
  const counts = new Map<string, number>(mapping.layers.map((l) => [l.name, 0]));
  let hostRateSum = 0;
  const warnings = new Set<string>();
  const batch = options.batchSize ?? 50;
  for (let start = 0; start < nImages; start += batch) {
    const n = Math.min(batch, nImages - start);
    const hostRun = runHostLayers(mapping, graph, images.subarray(start * inputSize, (start + n) * inputSize), steps, registries);
    hostRateSum += hostRun.firingRateHz * n;
    const emu = new LoihiEmulator(network, { nSamples: n });
    const slot = new Uint8Array(n * nHost);
    const trace = new Float64Array(n * nLast);
    const prev = new Uint8Array(n * nLast);
    const sum = new Float64Array(meanReadout ? n * nLast : 0);
    const inputs = { [host.neurons.id]: slot };
    for (let t = 1; t <= steps; t++) {
      for (let i = 0; i < trace.length; i++) trace[i] = a * trace[i]! + (1 - a) * prev[i]! * spikeHeight;
      for (let i = 0; i < sum.length; i++) sum[i] += trace[i]!;
      for (let s = 0; s < n; s++) slot.set(hostRun.spikes.subarray((s * steps + t - 1) * nHost, (s * steps + t) * nHost), s * nHost);
      emu.step(inputs);
      prev.set(emu.spiked(lastChip));
    }
    if (meanReadout) {
      // the mean over the steps of every spike the host received, the last step's included (it arrives one step late)
      for (let i = 0; i < trace.length; i++) trace[i] = (sum[i]! + a * trace[i]! + (1 - a) * prev[i]! * spikeHeight) / steps;
    }
    for (const l of mapping.layers) counts.set(l.name, counts.get(l.name)! + emu.spikeCounts(l.name).reduce((x, y) => x + y, 0));
    for (const w of emu.warnings) warnings.add(w);
    predictions.set(argmaxRows(readout(trace, out.dense.weights.data, out.dense.bias?.data, nLast, nClass), nClass), start);
    options.onProgress?.(start + n, nImages);
  }
  let correct = 0;
  for (let i = 0; i < nImages; i++) if (predictions[i] === labels[i]) correct++;
  const firingRateHz: Record<string, number> = { [host.neurons.id]: hostRateSum / nImages };
  for (const l of mapping.chain.layers.filter((x) => !x.offChip)) {
    firingRateHz[l.neurons.id] = counts.get(l.neurons.id)! / (nImages * sizeOf(l.shape) * steps * dt);
  }
  return { accuracy: correct / nImages, predictions, firingRateHz, warnings: [...warnings], mapping };
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
