import { inferShapes, type Graph } from '@snn/ir';
import { checkLabels, checkSamples, type NeuronLookup, type SynapseLookup } from '@snn/sim';
import { loihiError } from '../error-codes.js';
import { createLoihiRegistries } from '../registries.js';
import { sizeOf } from './current-per-spike.js';
import { emulateShard, type ShardSettings } from './emulate-shard.js';
import { finishClassification, type EmulatedClassification } from './finish-classification.js';
import { mapToLoihi, type LoihiMapping } from './map-to-loihi.js';

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

/** A checked classifier run: the mapping, the image count and the settings of its shards. */
export interface ClassifierPlan {
  readonly mapping: LoihiMapping;
  readonly images: number;
  readonly steps: number;
  readonly settings: Omit<ShardSettings, 'registries' | 'onProgress'>;
}

/** Map `graph` and check `images` against `labels` for {@link emulateClassifier} and its parallel form. */
export function planClassifier(graph: Graph, images: Float32Array, labels: ArrayLike<number>, options: EmulateClassifierOptions): ClassifierPlan {
  const steps = options.steps ?? 30;
  const mapping = mapToLoihi(graph, { offChip: options.offChip, dt: options.dt ?? 0.001 });
  if (mapping.hostLayers.length === 0) throw loihiError('LOIHI_UNSUPPORTED', 'emulateClassifier needs an off-chip first population to turn images into spikes', 'offChip');
  const output = graph.nodes.find((n) => n.kind === 'output');
  const classes = output ? sizeOf(inferShapes(graph).get(output.id) ?? []) : 0;
  checkLabels(labels, (labels as { length?: number } | null)?.length ?? 0, classes, 'LOIHI_BAD_ARGUMENT');
  const nImages = checkSamples(images, { what: 'images', shape: mapping.chain.inputShape, code: 'LOIHI_BAD_ARGUMENT', samples: labels.length });
  const readout = (options.readout ?? (graph.metadata as { readout?: string } | undefined)?.readout) === 'mean' ? 'mean' : 'last';
  return { mapping, images: nImages, steps, settings: { steps, batchSize: options.batchSize ?? 50, readout } };
}

/**
 * Classify `images` (samples x input size) on the integer emulator: the host populations run in the
 * float simulator, their spikes enter the chip one step later, the chip layers run bit-exact, and the
 * host dense output reads the last chip layer's spikes (amplitude/dt each) through the output edge's
 * lowpass, one step late as the host receives them (spec §3.2); the class is read on the last step,
 * or from the mean over the steps (`readout`). Chip neurons that spiked on every step of an image
 * (clipped at one spike per step) are counted per layer and warned about.
 */
export function emulateClassifier(graph: Graph, images: Float32Array, labels: ArrayLike<number>, options: EmulateClassifierOptions = {}): EmulatedClassification {
  const plan = planClassifier(graph, images, labels, options);
  const shard = emulateShard(plan.mapping, graph, images, {
    ...plan.settings,
    registries: options.registries ?? createLoihiRegistries(),
    onProgress: options.onProgress && ((done) => options.onProgress!(done, plan.images)),
  });
  return finishClassification(plan.mapping, [shard], labels, plan.steps);
}
