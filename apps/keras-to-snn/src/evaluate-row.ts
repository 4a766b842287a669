import type { Graph } from '@snn/ir';
import { mnistInput } from '@snn/mnist';
import { createProgress } from '@snn/report';
import type { Readout } from '@snn/sim';
import { evaluateClassifier } from '@snn/sim/node';
import type { StageRow, WalkBase } from './walk.js';

/** How to measure one network. */
export interface RowSpec {
  readonly stage: string;
  readonly name: string;
  readonly steps: number;
  readonly mode?: 'rate' | 'spiking';
  /** How the output over time becomes a prediction (default: the last step, as NengoDL). */
  readonly readout?: Readout;
  /** Also record the accuracy after every step (one run). */
  readonly curve?: boolean;
  /** List the row in `walk.rows` (the summary and the JSON line); false for runs only plotted. Default true. */
  readonly listed?: boolean;
  /** Time constant (s) of a lowpass filter on the output probe (NengoDL's spiking-MNIST reads its output through 0.1 s); default none. */
  readonly outputLowpass?: number;
}

/**
 * Classify the walkthrough's test images with `graph` (spiking by default, float32 neuron
 * steps, split across the worker threads), with a progress bar, and return the table row:
 * accuracy, each layer's mean and max firing rate, SynOps per image. The row is also added
 * to `walk.rows` unless `listed` is false.
 */
export async function evaluateRow(walk: WalkBase, graph: Graph, spec: RowSpec): Promise<StageRow> {
  const { test, options, io } = walk;
  const mode = spec.mode ?? 'spiking';
  const readout = spec.readout ?? 'last';
  const progress = createProgress(`  ${spec.name}: ${test.count.toLocaleString('en-US')} images x ${spec.steps} step${spec.steps === 1 ? '' : 's'}`, { write: io.err, isTTY: io.errIsTTY });
  const result = await evaluateClassifier(graph, test.images, test.labels, {
    input: mnistInput(graph).inputId,
    mode,
    steps: spec.steps,
    readout,
    curve: spec.curve === true,
    workers: options.workers,
    seed: options.seed,
    precision: 'float32',
    registries: { neurons: walk.neurons, synapses: walk.synapses },
    ...(walk.registryModule !== undefined ? { registryModule: walk.registryModule } : {}),
    ...(spec.outputLowpass !== undefined ? { outputSynapse: { type: 'lowpass', params: { tau: spec.outputLowpass } } } : {}),
    onProgress: (done, total) => progress.update(done, total),
  });
  progress.finish();
  const row: StageRow = {
    stage: spec.stage,
    name: spec.name,
    mode,
    steps: spec.steps,
    accuracy: result.accuracy,
    meanRateHz: Object.fromEntries(result.layers.map((l) => [l.node, l.firingRateHz])),
    maxRateHz: Object.fromEntries(result.layers.map((l) => [l.node, l.maxRateHz])),
    perNeuronHz: Object.fromEntries(result.layers.map((l) => [l.node, l.perNeuronHz])),
    synopsPerImage: result.synops / Math.max(1, result.images),
    ...(result.accuracyByStep ? { accuracyByStep: result.accuracyByStep } : {}),
    readout,
    seconds: result.seconds,
  };
  if (spec.listed !== false) walk.rows.push(row);
  return row;
}
