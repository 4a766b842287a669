import type { Graph } from '@snn/ir';
import type { MnistSet } from '@snn/mnist';
import type { NeuronRegistry } from '@snn/neurons';
import type { HtmlReport } from '@snn/report';
import type { SynapseRegistry } from '@snn/synapses';
import type { WalkOptions } from './options.js';

/** Where the walkthrough writes: results on stdout, progress and notes on stderr. */
export interface WalkIo {
  out(text: string): void;
  err(text: string): void;
  /** Progress bars are drawn only on a terminal. */
  readonly errIsTTY: boolean;
}

/** One measured network of a stage: a row of its table, of the summary and of the JSON. */
export interface StageRow {
  /** The stage it belongs to, e.g. `3. synaptic smoothing`. */
  readonly stage: string;
  /** What was run, e.g. `synapse 0.005 s`. */
  readonly name: string;
  readonly mode: 'rate' | 'spiking';
  readonly steps: number;
  /** Fraction of the test images classified correctly, after `steps` steps. */
  readonly accuracy: number;
  /** Mean firing rate per neuron layer (Hz). */
  readonly meanRateHz: Readonly<Record<string, number>>;
  /** Rate of each layer's most active neuron (Hz). */
  readonly maxRateHz: Readonly<Record<string, number>>;
  /** Each neuron's rate by layer (Hz), for histograms. */
  readonly perNeuronHz: Readonly<Record<string, Float32Array>>;
  readonly synopsPerImage: number;
  /** With a curve: accuracy after 1..steps steps. */
  readonly accuracyByStep?: Float64Array;
  /** How the output was read. */
  readonly readout: 'last' | 'mean';
  readonly seconds: number;
}

/** The options every walkthrough has (keras-to-snn's `WalkOptions`, keras-to-loihi's own extend them). */
export interface WalkBaseOptions {
  /** Test images every accuracy is measured on. */
  readonly limit: number;
  /** Training images used for training and fine-tuning. */
  readonly trainLimit: number;
  /** Training images calibration measures activations on. */
  readonly calibrationImages: number;
  readonly seed: number;
  readonly quick: boolean;
  readonly retrain: boolean;
  /** Where the report and the networks go. */
  readonly out: string;
  /** Where trained parameters are cached. */
  readonly cacheDir: string;
  readonly json: boolean;
  /** Worker threads of spiking simulations. */
  readonly workers: number;
}

/** Everything the stages share; `O` the walkthrough's options. */
export interface Walk<O extends WalkBaseOptions = WalkOptions> {
  readonly options: O;
  readonly io: WalkIo;
  readonly train: MnistSet;
  readonly test: MnistSet;
  readonly neurons: NeuronRegistry;
  readonly synapses: SynapseRegistry;
  /** The module worker threads load `neurons` and `synapses` from, when they hold types that are not built in (e.g. `loihiRegistryModule`). */
  readonly registryModule?: string;
  readonly report: HtmlReport;
  /** Every measured row so far, in order. */
  readonly rows: StageRow[];
  /** Seconds per stage, in order. */
  readonly timings: { stage: string; seconds: number }[];
  /** Networks to write to the output folder at the end, by file name (`ann.snn`, ...). */
  readonly networks: Map<string, Graph>;
}

/** A walkthrough of any kind, for the pieces every walkthrough shares (measuring, training, caching, tables). */
export type WalkBase = Walk<WalkBaseOptions>;
