import { inferShapes, type Graph } from '@snn/ir';
import { loadMnist } from '@snn/mnist/node';
import type { NeuronRegistry } from '@snn/neurons';
import { cliNeuronRegistry } from './registries.js';
import { checkpointEpoch, DEFAULT_RATE_WEIGHT, type TrainFlags } from './train-flags.js';
import type { CliIo } from './io.js';
import { mnistInput } from '@snn/mnist';
import { classifierOutput } from '@snn/sim';
import { loadTrainingModel } from './train-model.js';
import { epochSummary, renderEpochLine, type TrainEpochSummary, type TrainSummary } from './train-report.js';
import { trainingGraph } from './training-graph.js';
import { quantizeForFewSteps } from './quantize.js';
import { UsageError } from './usage-error.js';

/** What a `snn train` run did. */
export interface TrainRun {
  readonly summary: TrainSummary;
  /** Where the network came from: `built-in`, `checkpoint`, `snn` or the Keras format. */
  readonly format: string;
  /** The network as written. */
  readonly graph: Graph;
}

/**
 * Train as the flags say: load MODEL (or the `--resume` checkpoint), prepare and check
 * the network, train on MNIST with a test evaluation after each epoch (progress and one
 * line per epoch on stderr, `--checkpoint` after each), and write `--output` atomically.
 */
export async function runTraining(model: string | undefined, flags: TrainFlags, io: CliIo): Promise<TrainRun> {
  const started = performance.now();
  const neurons = cliNeuronRegistry();
  const train = await import('@snn/train');
  const { loadCheckpoint, saveCheckpoint } = await import('@snn/train/node');
  const resumed = flags.resume !== undefined ? loadCheckpoint(flags.resume) : undefined;
  const startEpoch = resumed ? checkpointEpoch(resumed.info.epoch, flags) : 0;
  await train.initTraining({ threads: 2 }); // before --quantize-steps, which measures activations on the backend
  const { graph, format } = resumed ? { graph: resumed.graph, format: 'checkpoint' } : await preparedModel(model!, flags, neurons, io);
  if (resumed && (flags.neuron !== undefined || flags.quantizeSteps !== undefined)) {
    io.err(`snn: warning: --neuron and --quantize-steps are not applied when resuming: ${flags.resume} holds the network with its neuron types as trained\n`);
  }
  train.checkTrainable(graph);
  const shapes = inferShapes(graph);
  const { inputId } = mnistInput(graph, shapes);
  const output = classifierOutput(graph, shapes, 10);
  const rateRegularization =
    flags.rateTarget === undefined
      ? undefined
      : {
          targetHz: flags.rateTarget,
          weight: flags.rateWeight ?? DEFAULT_RATE_WEIGHT,
          layers: flags.rateLayer === undefined ? train.neuronLayerIds(graph) : train.neuronLayerIds(graph, flags.rateLayer, '--rate-layer'),
        };
  const losses = { [output]: 'sparseCategoricalCrossentropy' as const, ...(rateRegularization ? train.firingRateLosses(graph, { ...rateRegularization, neurons }) : {}) };
  const optimizer = { type: flags.optimizer, learningRate: flags.lr };
  const saved = resumed?.info.optimizer;
  if (resumed && saved?.spec.type !== optimizer.type) {
    io.err(`snn: warning: ${flags.resume} ${saved ? `was trained with ${saved.spec.type}` : 'has no optimizer state'}; ${optimizer.type} starts with fresh moments\n`);
  }

  const data = loadMnist('train', flags.limit ?? Infinity);
  const test = loadMnist('test', flags.testLimit ?? Infinity);
  if (flags.batch > data.count) throw new UsageError(`--batch ${flags.batch} is more than the ${data.count} training images; give --batch ${data.count} or less`);
  const trainable = train.createModel(graph, { neurons });
  const settings = { model: model ?? flags.resume, optimizer, batch: flags.batch, seed: flags.seed, ...(flags.neuron ? { neuron: flags.neuron } : {}), ...(flags.quantizeSteps ? { quantizeSteps: flags.quantizeSteps } : {}), ...(rateRegularization ? { rateRegularization } : {}) };
  const epochs: TrainEpochSummary[] = [];
  let written: Graph;
  try {
    await train.trainEpochs(trainable, {
      x: { [inputId]: data.images },
      y: { [output]: data.labels },
      losses,
      optimizer,
      epochs: flags.epochs,
      startEpoch,
      ...(saved?.spec.type === optimizer.type ? { optimizerState: saved } : {}),
      batchSize: flags.batch,
      seed: flags.seed,
      validation: { x: { [inputId]: test.images }, y: { [output]: test.labels }, losses: { [output]: 'sparseCategoricalCrossentropy' } },
      ...(io.errIsTTY ? { onBatch: train.progressBar({ write: io.err }, 30, 'images') } : {}),
      onEpoch: async (e, snapshot) => {
        const summary = epochSummary(e, output);
        epochs.push(summary);
        let line = renderEpochLine(summary, flags.epochs, test.count);
        if (flags.checkpoint !== undefined) {
          saveCheckpoint(flags.checkpoint, trainable, { ...(await snapshot()), testAccuracy: summary.testAccuracy, settings });
          line += `; checkpoint ${flags.checkpoint}`;
        }
        io.err(`${line}\n`);
      },
    });
    const last = epochs[epochs.length - 1];
    written = train.exportGraph(trainable);
    saveCheckpoint(flags.output, written, { epoch: last.epoch, testAccuracy: last.testAccuracy, settings });
  } finally {
    trainable.dispose();
  }
  const summary: TrainSummary = {
    epochs,
    testAccuracy: epochs[epochs.length - 1].testAccuracy,
    output: flags.output,
    model: model ?? flags.resume!,
    startEpoch,
    trainImages: data.count,
    testImages: test.count,
    optimizer: flags.optimizer,
    learningRate: flags.lr,
    batch: flags.batch,
    seed: flags.seed,
    ...(rateRegularization ? { rateRegularization } : {}),
    seconds: (performance.now() - started) / 1000,
  };
  return { summary, format, graph: written };
}

/** MODEL loaded (warnings to stderr) and prepared by the flags' passes. */
async function preparedModel(model: string, flags: TrainFlags, neurons: NeuronRegistry, io: CliIo): Promise<{ graph: Graph; format: string }> {
  const loaded = await loadTrainingModel(model, flags.seed);
  for (const w of loaded.warnings) io.err(`snn: warning: ${w}\n`);
  const graph = trainingGraph(loaded.graph, flags, neurons);
  if (flags.quantizeSteps === undefined) return { graph, format: loaded.format };
  const settings = { levels: flags.quantizeSteps, percentile: flags.quantizePercentile, images: flags.quantizeImages };
  return { graph: await quantizeForFewSteps(graph, settings, neurons, io), format: loaded.format };
}
