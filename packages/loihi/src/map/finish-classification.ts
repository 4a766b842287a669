import type { ClassifierShard } from './emulate-shard.js';
import type { LoihiMapping } from './map-to-loihi.js';

/** How many neurons of a chip layer hit the one-spike-per-step cap: on some image, they spiked on every step from their first spike on (at least half the steps). */
export interface LayerSaturation {
  /** Neurons in the layer. */
  readonly neurons: number;
  /** Neurons saturated on at least one image. */
  readonly saturatedNeurons: number;
  /** Fraction of neuron-image pairs in which the neuron was saturated. */
  readonly fraction: number;
  /** 1 for each neuron saturated on some image. */
  readonly saturated: Uint8Array;
}

/** Accuracy and activity of an emulated classifier. */
export interface EmulatedClassification {
  /** Fraction of images whose largest output is their label. */
  readonly accuracy: number;
  /** Predicted class per image. */
  readonly predictions: Int32Array;
  /** Mean firing rate (Hz) per population, host ones included, by neurons node id. */
  readonly firingRateHz: Readonly<Record<string, number>>;
  /** Per chip layer (neurons node id): neurons saturated at one spike per step. */
  readonly saturation: Readonly<Record<string, LayerSaturation>>;
  /** Emulator warnings (register overflows), then one per chip layer with saturated neurons. */
  readonly warnings: readonly string[];
  /** The mapping the run used (blocks, quantization). */
  readonly mapping: LoihiMapping;
}

/**
 * Merge the shards of a run (in image order) into its classification: predictions concatenated,
 * accuracy against `labels`, rates from the summed spike counts (the host's from its per-batch
 * rates weighted by images), saturation, and warnings deduplicated. One shard or many give the
 * same numbers when the shards hold whole batches.
 */
export function finishClassification(mapping: LoihiMapping, shards: readonly ClassifierShard[], labels: ArrayLike<number>, steps: number): EmulatedClassification {
  const nImages = shards.reduce((a, s) => a + s.images, 0);
  const predictions = new Int32Array(nImages);
  let offset = 0;
  for (const s of shards) (predictions.set(s.predictions, offset), (offset += s.images));
  let correct = 0;
  for (let i = 0; i < nImages; i++) if (predictions[i] === labels[i]) correct++;
  let hostSum = 0;
  for (const s of shards) for (const r of s.hostRateTimesImages) hostSum += r;
  const host = mapping.hostLayers[mapping.hostLayers.length - 1]!;
  const firingRateHz: Record<string, number> = { [host.neurons.id]: hostSum / nImages };
  const saturation: Record<string, LayerSaturation> = {};
  const warnings = new Set(shards.flatMap((s) => s.warnings));
  for (const l of mapping.layers) {
    const neurons = l.block.n;
    const spikes = shards.reduce((a, s) => a + s.spikes[l.name]!, 0);
    firingRateHz[l.name] = spikes / (nImages * neurons * steps * mapping.dt);
    const saturated = new Uint8Array(neurons);
    for (const s of shards) s.saturated[l.name]!.forEach((f, i) => (saturated[i] |= f));
    const saturatedNeurons = saturated.reduce((a, f) => a + f, 0);
    const pairs = shards.reduce((a, s) => a + s.saturatedPairs[l.name]!, 0);
    saturation[l.name] = { neurons, saturatedNeurons, fraction: pairs / (nImages * neurons), saturated };
    if (saturatedNeurons > 0) warnings.add(saturationWarning(l.name, saturation[l.name]!, nImages, steps, mapping.dt));
  }
  return { accuracy: correct / nImages, predictions, firingRateHz, saturation, warnings: [...warnings], mapping };
}

/** The warning for a layer with saturated neurons: their rates are clipped at 1/dt. */
export function saturationWarning(layer: string, s: LayerSaturation, images: number, steps: number, dt: number): string {
  const pct = `${(100 * s.fraction).toFixed(2)}%`;
  return (
    `${layer}: ${s.saturatedNeurons} of ${s.neurons} neurons spiked on every step from their first spike on (${pct} of neuron-image pairs over ${images} images x ${steps} steps), ` +
    `saturated at the inverse time step (${(1 / dt).toFixed(3)} Hz): a Loihi neuron spikes at most once per step, so larger inputs are clipped; lower the firing-rate scale of ${layer}`
  );
}
