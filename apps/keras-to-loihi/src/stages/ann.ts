import type { Graph } from '@snn/ir';
import { cachedTraining, evaluateRow, graphHash, stageSection, trainNetwork, type StageRow } from '@snn/keras-to-snn/shared';
import { kerasToLoihiGraph } from '@snn/train';
import type { LoihiWalk } from '../walk.js';

export const ANN_STAGE = '1. ANN';
/** Data augmentation of the ANN's training: every epoch sees each image shifted by up to 1 pixel. */
const MAX_SHIFT = 1;
const OPTIMIZER = { type: 'rmsprop', learningRate: 1e-3 } as const;

/** The trained ANN and its measured row. */
export interface AnnResult {
  readonly graph: Graph;
  readonly row: StageRow;
}

/**
 * Stage 1: Nengo Loihi's keras-to-loihi network built with the IR builder (to-spikes 1x1x3,
 * conv 3x3x32 and 3x3x64 stride 2 without biases, dense 100, dense 10), trained with RMSprop
 * 1e-3 in batches of 200 (the example's optimizer), or cached parameters for the same settings.
 */
export async function annStage(walk: LoihiWalk): Promise<AnnResult> {
  const { options } = walk;
  walk.io.out(`\n== ${ANN_STAGE}\n`);
  const initial = kerasToLoihiGraph(options.seed);
  const settings = { what: 'ann', initial: graphHash(initial), optimizer: OPTIMIZER, batchSize: 200, epochs: options.annEpochs, seed: options.seed, trainImages: walk.train.count, maxShift: MAX_SHIFT };
  const trained = await cachedTraining(walk, 'ann', settings, () => trainNetwork(walk, initial, { label: 'ANN', optimizer: OPTIMIZER, epochs: options.annEpochs, batchSize: 200, maxShift: MAX_SHIFT }));
  const row = await evaluateRow(walk, trained.graph, { stage: ANN_STAGE, name: 'ANN', steps: 1, mode: 'rate' });
  const epochs = `${options.annEpochs} epoch${options.annEpochs === 1 ? '' : 's'}`;
  stageSection(
    walk,
    ANN_STAGE,
    `Nengo Loihi's keras-to-loihi network, built with the IR builder: 28x28x1 -> to-spikes (1x1 conv, 3 filters, ReLU; it will run on the host and turn pixels into spikes) -> conv 3x3x32 stride 2 -> ` +
      `conv 3x3x64 stride 2 -> dense 100 -> dense 10, ReLU, no conv biases (Loihi's conv synapses carry none). Trained with RMSprop 1e-3 in batches of 200 for ${epochs} on ` +
      `${walk.train.count.toLocaleString('en-US')} images, each epoch's images shifted by up to ${MAX_SHIFT} pixel at random (seed ${options.seed})${trained.cached ? '; parameters from the cache' : ''}. ` +
      'The example trains 2 epochs; on all 10,000 test images that gives 97.97% for this network (seed 1, no shifts), so the walkthrough trains longer to start from an ANN above 98.5%.',
    [row],
    row.accuracy,
  );
  return { graph: trained.graph, row };
}
