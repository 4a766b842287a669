import { scaleFiringRates, setSynapses, swapNeurons, type Graph } from '@snn/ir';
import { accuracyCurves, activityFigures, cachedTraining, evaluateRow, graphHash, rateHistograms, recordActivity, stageSection, trainNetwork, type StageRow } from '@snn/keras-to-snn/shared';
import { paragraph } from '@snn/report';
import { EXAMPLE, type LoihiWalk } from '../walk.js';
import type { AnnResult } from './ann.js';
import { PERCENTILE, type SpikingReluResult } from './spiking-relu.js';

export const TRAINING_STAGE = '4. Training through Loihi neurons';
const OPTIMIZER = { type: 'rmsprop', learningRate: 1e-3 } as const;
const SYNAPSE = { type: 'lowpass', params: { tau: EXAMPLE.synapse } } as const;

/** The network trained for the chip and its measured row. */
export interface LoihiTrainedResult {
  /** Trained through Loihi's spiking ReLU from the calibrated scales, with the 5 ms synapse: what runs on the emulator. */
  readonly graph: Graph;
  readonly row: StageRow;
  readonly rows: readonly StageRow[];
}

/** `start` (Loihi spiking ReLU layers, scaled) trained in rate mode through the Loihi rate curves, cached by its settings. */
async function trainThroughLoihi(walk: LoihiWalk, what: string, label: string, start: Graph): Promise<Graph> {
  const { options } = walk;
  const settings = { what, from: graphHash(start), optimizer: OPTIMIZER, batchSize: 200, epochs: options.loihiEpochs, seed: options.seed, trainImages: walk.train.count };
  const { graph } = await cachedTraining(walk, what, settings, () => trainNetwork(walk, start, { label, optimizer: OPTIMIZER, epochs: options.loihiEpochs, batchSize: 200 }));
  return setSynapses(graph, SYNAPSE);
}

/**
 * Stage 4: train with Loihi's spiking ReLU in the loop (rate mode: its staircase rates forward,
 * the smooth curve's gradient backward), RMSprop 1e-3, starting from the ANN's weights:
 * at the example's scale of 100, and from the calibrated per-layer scales of stage 3, which
 * becomes the network for the chip. Both run spiking with the 5 ms synapse.
 */
export async function loihiTrainingStage(walk: LoihiWalk, ann: AnnResult, spiking: SpikingReluResult): Promise<LoihiTrainedResult> {
  const { steps, loihiEpochs } = walk.options;
  walk.io.out(`\n== ${TRAINING_STAGE}: LoihiSpikingRectifiedLinear in training, ${loihiEpochs} epoch${loihiEpochs === 1 ? '' : 's'}\n`);
  const atScale = swapNeurons(scaleFiringRates(ann.graph, EXAMPLE.scale), { RectifiedLinear: 'LoihiSpikingRectifiedLinear' });
  const example = await trainThroughLoihi(walk, 'loihi-x100', `Loihi x${EXAMPLE.scale}`, atScale);
  const calibrated = await trainThroughLoihi(walk, 'loihi-calibrated', 'Loihi calibrated', setSynapses(spiking.calibration.graph, null));
  const exampleRows = [
    await evaluateRow(walk, example, { stage: TRAINING_STAGE, name: `Loihi-trained x${EXAMPLE.scale}, last step`, steps, curve: true }),
    await evaluateRow(walk, example, { stage: TRAINING_STAGE, name: `Loihi-trained x${EXAMPLE.scale}, mean`, steps, readout: 'mean' }),
  ];
  const row = await evaluateRow(walk, calibrated, { stage: TRAINING_STAGE, name: 'Loihi-trained, calibrated scales', steps, curve: true, readout: 'mean' });
  const lastStep = await evaluateRow(walk, calibrated, { stage: TRAINING_STAGE, name: 'Loihi-trained, calibrated scales, last step', steps });
  const rows = [...exampleRows, lastStep, row];
  stageSection(
    walk,
    TRAINING_STAGE,
    `Training through the Loihi neurons teaches the network their staircase: the forward pass uses Loihi's rates, the backward pass the gradient of the smooth curve they approximate (Nengo Loihi's recipe). ` +
      `RMSprop 1e-3, batches of 200, ${loihiEpochs} epoch${loihiEpochs === 1 ? '' : 's'} from the ANN's weights. At the example's scale of ${EXAMPLE.scale} the network learns in rate mode, but many of its neurons fire too rarely to be read in ${steps} steps; ` +
      `starting from the calibrated scales of stage 3 (each layer's p${PERCENTILE} activation at one spike per step) keeps every layer active enough. That network, read as its mean output over the steps, goes to the chip.`,
    rows,
    ann.row.accuracy,
    [
      accuracyCurves(`Accuracy after each step, trained through Loihi neurons (synapse ${1000 * EXAMPLE.synapse} ms)`, [exampleRows[0]!, row], ann.row.accuracy, 'The example\'s recipe against training from the calibrated scales.'),
      rateHistograms(row),
      paragraph('The chip network on the first test image: every layer waits for its inputs to charge it from zero voltage, so activity reaches the output only after several steps.'),
      activityFigures(recordActivity(walk, calibrated, { steps }), 'Loihi-trained'),
    ],
    row,
  );
  return { graph: calibrated, row, rows };
}
