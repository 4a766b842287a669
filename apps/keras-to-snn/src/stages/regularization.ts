import { scaleInputs, type Graph } from '@snn/ir';
import { paragraph } from '@snn/report';
import { firingRateLosses, neuronLayerIds } from '@snn/train';
import { cachedTraining, graphHash } from '../cache.js';
import { nengoConversion, stageSection } from '../convert.js';
import { evaluateRow } from '../evaluate-row.js';
import { accuracyCurves, activityFigures, rateHistograms } from '../figures.js';
import { recordActivity } from '../record-activity.js';
import { trainNetwork } from '../train-network.js';
import { skippedStage, whyNotTrainable } from '../trainability.js';
import type { AnnResult } from './ann.js';
import type { StageRow, Walk } from '../walk.js';

export const REGULARIZATION_STAGE = '5. Firing-rate regularization';
const TARGET_HZ = 250;
const WEIGHT = 1e-3;
/**
 * NengoDL's example feeds raw pixel values (0..255) where snn's MNIST images are 0..1, and its
 * ReLU outputs are firing rates in Hz. This stage trains the same network: an input scaling
 * x255 in front (a fixed affine node), so that the rate loss and the spiking run see the
 * rates NengoDL's do. (Scaling firing rates by 255 instead gives the same rates but shrinks
 * the classification loss 255-fold against the rate loss: accuracy fell to about 60%.)
 */
const PIXEL_SCALE = 255;

/** What stage 5 produced: the fine-tuned ANN, its spiking network's rows (30 steps and the longest curve). */
export interface RegularizedResult {
  readonly ann: Graph;
  readonly rows: StageRow[];
  readonly best: StageRow;
  readonly curve: StageRow;
}

/**
 * Stage 5 (NengoDL's keras-to-snn example): fine-tune the ANN with a loss pulling every
 * neuron's rate toward 250 Hz (weight 1e-3, RMSprop 1e-3, `--epochs` epochs), then run it
 * spiking, unscaled, with a 10 ms synapse.
 */
export async function regularizationStage(walk: Walk, ann: AnnResult): Promise<RegularizedResult | undefined> {
  const { options } = walk;
  walk.io.out(`\n== ${REGULARIZATION_STAGE}: rate loss toward ${TARGET_HZ} Hz (weight ${WEIGHT}), RMSprop 1e-3, ${options.epochs} epoch${options.epochs === 1 ? '' : 's'}; spiking with synapse 0.01 s\n`);
  const reason = whyNotTrainable(ann.graph);
  if (reason !== undefined) {
    skippedStage(walk, REGULARIZATION_STAGE, reason);
    return undefined;
  }
  const layers = neuronLayerIds(ann.graph).filter((id) => ann.graph.nodes.some((n) => n.id === id && n.kind === 'neurons' && n.neuronType === 'RectifiedLinear'));
  const optimizer = { type: 'rmsprop' as const, learningRate: 1e-3 };
  // NengoDL's example trains the converted Keras model from its initial weights; a --model is fine-tuned from its own
  const start = scaleInputs(ann.initial ?? ann.graph, { scale: PIXEL_SCALE });
  const settings = { what: 'regularized', from: graphHash(start), targetHz: TARGET_HZ, weight: WEIGHT, layers, optimizer, batchSize: 200, epochs: options.epochs, seed: options.seed, trainImages: walk.train.count };
  const { graph: regularized } = await cachedTraining(walk, 'regularized', settings, () =>
    trainNetwork(walk, start, {
      label: 'rate-regularized',
      optimizer,
      epochs: options.epochs,
      batchSize: 200,
      extraLosses: firingRateLosses(start, { targetHz: TARGET_HZ, weight: WEIGHT, layers, neurons: walk.neurons }),
    }),
  );
  const rateRow = await evaluateRow(walk, regularized, { stage: REGULARIZATION_STAGE, name: 'regularized, rate mode', steps: 1, mode: 'rate' });
  const spiking = nengoConversion(walk, regularized, { synapse: 0.01 });
  const at30 = await evaluateRow(walk, spiking, { stage: REGULARIZATION_STAGE, name: 'regularized, synapse 0.01 s', steps: Math.min(30, options.maxSteps) });
  const curve = await evaluateRow(walk, spiking, { stage: REGULARIZATION_STAGE, name: 'regularized, synapse 0.01 s', steps: options.maxSteps, curve: true, listed: options.maxSteps > 30 });
  const record = recordActivity(walk, spiking, { steps: Math.min(30, options.maxSteps) });
  const rows = options.maxSteps > 30 ? [rateRow, at30, curve] : [rateRow, at30];
  stageSection(
    walk,
    REGULARIZATION_STAGE,
    `Instead of scaling after training, train the rates: the network is fine-tuned with an extra loss, the mean squared difference between each neuron's firing rate (Hz) and ${TARGET_HZ} Hz, weighted ${WEIGHT}, ` +
      `so that it learns the task with rates that mean enough spikes (RMSprop 1e-3, batch 200, ${options.epochs} epoch${options.epochs === 1 ? '' : 's'} in rate mode, ${ann.initial ? 'from the initial weights of stage 1, as NengoDL\'s example trains the converted Keras model from scratch' : 'from your model\'s weights'}). ` +
      `NengoDL's example feeds raw pixel values (0..255) where snn's images are 0..1; here too the network sees pixel values times ${PIXEL_SCALE} (a fixed input scaling in front of it), so its ReLU outputs are the rates NengoDL's are. ` +
      'Then every ReLU becomes a spiking rectified linear neuron, unscaled, with a 10 ms synapse and the last step read, as NengoDL\'s example does.',
    rows,
    ann.row.accuracy,
    [
      accuracyCurves('Regularized network: accuracy after each step', [curve], ann.row.accuracy, 'Accuracy when the output is read after T steps.'),
      rateHistograms(at30),
      paragraph('The regularized network on the first test image:'),
      activityFigures(record, 'regularized'),
    ],
  );
  return { ann: regularized, rows, best: at30, curve };
}
