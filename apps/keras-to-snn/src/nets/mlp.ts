import type { Graph } from '@snn/ir';
import { mnistInput } from '@snn/mnist';
import { paragraph } from '@snn/report';
import { calibrate } from '@snn/sim';
import { mlpGraph } from '@snn/train';
import { cachedTraining, graphHash } from '../cache.js';
import { nengoConversion, stageSection } from '../convert.js';
import { evaluateRow } from '../evaluate-row.js';
import { accuracyCurves, activityFigures, rateHistograms } from '../figures.js';
import { timed } from '../keras-to-snn-walk.js';
import { recordActivity } from '../record-activity.js';
import { trainNetwork } from '../train-network.js';
import type { StageRow, Walk } from '../walk.js';

export const MLP_TRAIN_STAGE = '1. Dense ANN';
export const MLP_CONVERT_STAGE = '2. Conversion, output averaged over time';
/** The stages whose networks compete for "best few-step network". */
export const MLP_FEW_STEP_STAGES = [MLP_CONVERT_STAGE];

/** Firing-rate scales of the converted networks (SpikingRectifiedLinear, no synapse). */
const SCALES = [10, 100];
const PERCENTILE = 99.9;

/**
 * `--net mlp`: the blog-post flow. A dense network (flatten -> dense 128 relu -> dense 10)
 * trained with Adam 1e-3, batch 200 (cached), converted to SpikingRectifiedLinear neurons
 * with firing-rate scales and by calibration, its output averaged over the steps; accuracy
 * after 1..T steps, rates, rasters. Returns the ANN's accuracy.
 */
export async function mlpWalk(walk: Walk): Promise<number> {
  const { options, io } = walk;
  const epochs = options.epochsFlag ?? options.annEpochs;
  const ann = await timed(walk, '1 dense ANN', async () => {
    io.out(`\n== ${MLP_TRAIN_STAGE}: flatten -> dense 128 relu -> dense 10, Adam 1e-3, batch 200, ${epochs} epoch${epochs === 1 ? '' : 's'}\n`);
    const initial = mlpGraph(options.seed);
    const optimizer = { type: 'adam' as const, learningRate: 1e-3 };
    const settings = { what: 'mlp', initial: graphHash(initial), optimizer, batchSize: 200, epochs, seed: options.seed, trainImages: walk.train.count };
    const { graph, cached } = await cachedTraining(walk, 'mlp', settings, () => trainNetwork(walk, initial, { label: 'dense ANN', optimizer, epochs, batchSize: 200 }));
    const row = await evaluateRow(walk, graph, { stage: MLP_TRAIN_STAGE, name: 'ANN', steps: 1, mode: 'rate' });
    stageSection(
      walk,
      MLP_TRAIN_STAGE,
      `A dense network: 28x28 pixels flattened to 784 -> dense 128 with ReLU -> dense 10 logits, trained ${epochs} epoch${epochs === 1 ? '' : 's'} on ${walk.train.count.toLocaleString('en-US')} images (Adam 1e-3, batch 200, seed ${options.seed})${cached ? ', parameters from the cache' : ''}. ` +
        'It runs in rate mode, the accuracy the spiking versions are compared with.',
      [row],
      row.accuracy,
    );
    return { graph, row };
  });
  walk.networks.set('mlp.snn', ann.graph);

  await timed(walk, '2 conversion', async () => {
    const steps = Math.min(30, options.maxSteps);
    const longest = options.maxSteps;
    io.out(`\n== ${MLP_CONVERT_STAGE}: SpikingRectifiedLinear with firing-rate scale ${SCALES.join(' / ')} and calibrated (p${PERCENTILE}); output averaged over ${steps} steps (curves to ${longest})\n`);
    const rows: StageRow[] = [];
    const curves: StageRow[] = [];
    // the listed rows run `steps`; the plotted curves run to --steps (the same run when it is no longer)
    const measure = async (graph: Graph, name: string): Promise<StageRow> => {
      const row = await evaluateRow(walk, graph, { stage: MLP_CONVERT_STAGE, name, steps, readout: 'mean', curve: true });
      rows.push(row);
      curves.push(longest > steps ? await evaluateRow(walk, graph, { stage: MLP_CONVERT_STAGE, name, steps: longest, readout: 'mean', curve: true, listed: false }) : row);
      return row;
    };
    for (const scale of SCALES) await measure(nengoConversion(walk, ann.graph, { scale }), `scale ${scale}, mean readout`);
    const { inputId } = mnistInput(ann.graph);
    const calibrationImages = Math.min(options.calibrationImages, walk.train.count);
    const calibrated = calibrate(ann.graph, { [inputId]: walk.train.images.subarray(0, calibrationImages * 784) }, { neurons: walk.neurons, synapses: walk.synapses, percentile: PERCENTILE });
    const calibratedRow = await measure(calibrated.graph, 'calibrated, mean readout');
    walk.networks.set('mlp-calibrated.snn', calibrated.graph);
    stageSection(
      walk,
      MLP_CONVERT_STAGE,
      'Each ReLU becomes a spiking rectified linear neuron. With firing-rate scale s its input is multiplied by s and its output divided by s (NengoDL\'s scale_firing_rates): ' +
        `s times the spikes for the same function. The calibrated network instead gives the layer the scale that makes its p${PERCENTILE} activation on ${calibrationImages.toLocaleString('en-US')} training images one spike per step ` +
        `(${calibrated.layers.map((l) => `${l.node}: threshold ${l.threshold.toPrecision(4)}, expected ${l.expectedRateHz.toFixed(1)} Hz`).join('; ')}), with integrate-and-fire neurons that reset by subtraction. ` +
        'No synapse: the output is averaged over all steps so far (readout mean), so the accuracy improves as the steps add up.',
      rows,
      ann.row.accuracy,
      [
        accuracyCurves('Accuracy after T steps, output averaged over time', curves, ann.row.accuracy, 'Accuracy of the mean output over steps 1..T.'),
        rateHistograms(rows[rows.length - 2]),
        rateHistograms(calibratedRow),
        paragraph(`The calibrated network on the first test image (${steps} steps):`),
        activityFigures(recordActivity(walk, calibrated.graph, { steps }), 'calibrated'),
      ],
    );
  });
  return ann.row.accuracy;
}
