import { paragraph } from '@snn/report';
import { spikingMnistGraph } from '@snn/train';
import { cachedTraining, graphHash } from '../cache.js';
import { stageSection } from '../convert.js';
import { evaluateRow } from '../evaluate-row.js';
import { accuracyCurves, activityFigures, rateHistograms } from '../figures.js';
import { timed } from '../keras-to-snn-walk.js';
import { recordActivity } from '../record-activity.js';
import { trainNetwork } from '../train-network.js';
import type { Walk } from '../walk.js';

export const LIF_TRAIN_STAGE = '1. SoftLIF training';
export const LIF_SPIKING_STAGE = '2. Spiking LIF';
/** The stages whose networks compete for "best few-step network". */
export const LIF_CONV_FEW_STEP_STAGES = [LIF_SPIKING_STAGE];

/** NengoDL's spiking-MNIST settings: SoftLIF smoothing, RMSprop 1e-3, batch 200, 30 steps, 0.1 s output lowpass. */
const SIGMA = 0.02;
const STEPS = 30;
const OUTPUT_TAU = 0.1;
/** Training images of the default run (a subset keeps `--net lif-conv` near 10 minutes on 2 cores; `--train-limit` sets it). */
const DEFAULT_TRAIN_IMAGES = 20000;

/**
 * `--net lif-conv`: NengoDL's spiking-MNIST network (three conv + LIF layers, avg-pooling,
 * dense 10) trained through its SoftLIF surrogate (cached), measured in rate mode (the LIF
 * rate function) and as spiking LIF neurons after 30 steps with a 0.1 s lowpass on the
 * output, with the accuracy after every step, rasters, traces and rate histograms. Returns
 * the rate-mode accuracy, the reference of the spiking rows.
 */
export async function lifConvWalk(walk: Walk): Promise<number> {
  const { options, io } = walk;
  const epochs = options.epochsFlag ?? 1;
  const trainImages = options.quick || options.trainLimitFlag !== undefined ? walk.train.count : Math.min(DEFAULT_TRAIN_IMAGES, walk.train.count);
  const trainWalk: Walk = { ...walk, train: { ...walk.train, count: trainImages, images: walk.train.images.subarray(0, trainImages * 784), labels: walk.train.labels.subarray(0, trainImages) } };

  const trained = await timed(walk, '1 SoftLIF training', async () => {
    io.out(`\n== ${LIF_TRAIN_STAGE}: ${epochs} epoch${epochs === 1 ? '' : 's'} on ${trainImages.toLocaleString('en-US')} images, RMSprop 1e-3, batch 200, SoftLIF sigma ${SIGMA}\n`);
    const initial = spikingMnistGraph(options.seed);
    const optimizer = { type: 'rmsprop' as const, learningRate: 1e-3 };
    const settings = { what: 'lif-conv', initial: graphHash(initial), optimizer, sigma: SIGMA, batchSize: 200, epochs, seed: options.seed, trainImages };
    const { graph, cached } = await cachedTraining(walk, 'lif-conv', settings, () =>
      trainNetwork(trainWalk, initial, { label: 'SoftLIF', optimizer, epochs, batchSize: 200, surrogateParams: { LIF: { sigma: SIGMA } } }),
    );
    const row = await evaluateRow(walk, graph, { stage: LIF_TRAIN_STAGE, name: 'LIF rate (SoftLIF-trained)', steps: 1, mode: 'rate' });
    stageSection(
      walk,
      LIF_TRAIN_STAGE,
      `NengoDL's spiking-MNIST network: 28x28x1 -> conv 3x3x32 -> LIF -> conv 3x3x64 -> LIF -> avg-pool 2 -> conv 3x3x128 -> LIF -> avg-pool 2 -> dense 10. ` +
        `The LIF populations have amplitude 0.01 and the gain and bias of a 100 Hz max rate at intercept 0, frozen; only the weights train. ` +
        `The LIF neurons train through their SoftLIF rate surrogate (smoothing ${SIGMA}), RMSprop 1e-3, batch 200, ` +
        `${epochs} epoch${epochs === 1 ? '' : 's'} on ${trainImages.toLocaleString('en-US')} training images (seed ${options.seed})${cached ? ', parameters from the cache' : ''}. ` +
        `NengoDL's example trains 10 epochs on all 60,000 images (about 80 minutes on 2 cores here): --epochs and --train-limit raise this run's budget. ` +
        'The table measures the network in rate mode: every LIF population outputs its steady-state firing rate, the accuracy the spiking network approaches.',
      [row],
      row.accuracy,
    );
    return { graph, row };
  });
  walk.networks.set('lif-conv.snn', trained.graph);

  await timed(walk, '2 spiking LIF', async () => {
    io.out(`\n== ${LIF_SPIKING_STAGE}: ${STEPS} steps, ${OUTPUT_TAU} s lowpass on the output, read at the last step\n`);
    const spiking = await evaluateRow(walk, trained.graph, { stage: LIF_SPIKING_STAGE, name: `spiking LIF, output lowpass ${OUTPUT_TAU} s`, steps: STEPS, outputLowpass: OUTPUT_TAU, curve: true });
    const rows = [spiking];
    const curves = [spiking]; // the 30-step run's curve (a longer run costs as much again for a flat tail)
    const unfiltered = await evaluateRow(walk, trained.graph, { stage: LIF_SPIKING_STAGE, name: 'spiking LIF, no output filter', steps: STEPS });
    rows.push(unfiltered);
    const record = recordActivity(walk, trained.graph, { steps: STEPS });
    stageSection(
      walk,
      LIF_SPIKING_STAGE,
      `The same trained network with spiking LIF neurons (float32 steps of 1 ms, as NengoDL): each image is shown for ${STEPS} steps and the output is read at the last step through a ${OUTPUT_TAU} s lowpass filter, ` +
        'which averages the spikes reaching the output. Without the filter the last step sees only the spikes of that one millisecond.',
      rows,
      trained.row.accuracy,
      [
        accuracyCurves('Accuracy after T steps (output lowpass 0.1 s)', curves.slice(-1), trained.row.accuracy, `Accuracy when the filtered output is read after T steps; the dashed line is the rate-mode accuracy (${(100 * trained.row.accuracy).toFixed(2)}%).`),
        rateHistograms(spiking),
        paragraph('The spiking network on the first test image:'),
        activityFigures(record, 'spiking LIF'),
      ],
    );
  });
  return trained.row.accuracy;
}
