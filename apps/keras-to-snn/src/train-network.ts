import { inferShapes, type Graph } from '@snn/ir';
import { mnistInput, shiftImages } from '@snn/mnist';
import { classifierOutput } from '@snn/sim';
import { createModel, exportGraph, initTraining, progressBar, trainEpochs, type LossSpec, type OptimizerSpec, type SurrogateParams } from '@snn/train';
import type { WalkBase } from './walk.js';

/** How {@link trainNetwork} trains. */
export interface TrainSettings {
  /** Shown on the progress bar and epoch lines. */
  readonly label: string;
  readonly optimizer: OptimizerSpec;
  readonly epochs: number;
  readonly batchSize: number;
  /** Loss terms beside the classification loss (e.g. firing-rate regularization), by node id. */
  readonly extraLosses?: Readonly<Record<string, LossSpec>>;
  /** Data augmentation: each epoch trains on the images shifted by up to this many pixels (seeded). */
  readonly maxShift?: number;
  /** Surrogate parameters by neuron type (e.g. `{ LIF: { sigma: 0.02 } }`, NengoDL's lif_smoothing). */
  readonly surrogateParams?: SurrogateParams;
}

/**
 * Train `graph` on the walkthrough's training images (sparse categorical cross-entropy on
 * its 10-way output, plus any extra terms), with a progress bar on a terminal and one line
 * per epoch with the test accuracy (rate mode). Returns the trained network.
 */
export async function trainNetwork(walk: WalkBase, graph: Graph, settings: TrainSettings): Promise<Graph> {
  const { train, test, io, options } = walk;
  await initTraining({ threads: 2 });
  const shapes = inferShapes(graph);
  const { inputId } = mnistInput(graph, shapes);
  const output = classifierOutput(graph, shapes, 10);
  const model = createModel(graph, { neurons: walk.neurons, ...(settings.surrogateParams ? { surrogateParams: settings.surrogateParams } : {}) });
  try {
    await trainEpochs(model, {
      x: { [inputId]: train.images },
      y: { [output]: train.labels },
      losses: { [output]: 'sparseCategoricalCrossentropy', ...settings.extraLosses },
      optimizer: settings.optimizer,
      epochs: settings.epochs,
      batchSize: settings.batchSize,
      seed: options.seed,
      ...(settings.maxShift ? { augment: (_x, epoch) => ({ [inputId]: shiftImages(train.images, 28, 28, settings.maxShift!, options.seed * 1000 + epoch) }) } : {}),
      validation: { x: { [inputId]: test.images }, y: { [output]: test.labels }, losses: { [output]: 'sparseCategoricalCrossentropy' } },
      ...(io.errIsTTY ? { onBatch: progressBar({ write: (t: string) => io.err(t.replace(/^\r/, `\r  ${settings.label} `)) }, 24, 'images') } : {}),
      onEpoch: (e) => {
        const accuracy = e.validation?.accuracy[output];
        io.err(`  ${settings.label}: epoch ${e.epoch}/${settings.epochs}, loss ${e.loss.toFixed(4)}, ${e.seconds.toFixed(1)} s${accuracy !== undefined ? `, test accuracy ${(100 * accuracy).toFixed(2)}%` : ''}\n`);
      },
    });
    return exportGraph(model);
  } finally {
    model.dispose();
  }
}
