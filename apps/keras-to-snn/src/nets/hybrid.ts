import { setSynapses, type Graph } from '@snn/ir';
import { mnistInput } from '@snn/mnist';
import { paragraph } from '@snn/report';
import { stageSection } from '../convert.js';
import { evaluateRow } from '../evaluate-row.js';
import { accuracyCurves, activityFigures, rateHistograms } from '../figures.js';
import { timed } from '../keras-to-snn-walk.js';
import { recordActivity } from '../record-activity.js';
import { annStage } from '../stages/ann.js';
import type { StageRow, Walk } from '../walk.js';
import { ensembleHybrid, lifLaterLayers, splitLayers } from './hybrid-graphs.js';

export const HYBRID_LIF_STAGE = '2. ANN block + spiking LIF layers';
export const HYBRID_ENSEMBLE_STAGE = '3. ANN block + Nengo ensemble';
/** The stages whose networks compete for "best few-step network". */
export const HYBRID_FEW_STEP_STAGES = [HYBRID_LIF_STAGE, HYBRID_ENSEMBLE_STAGE];

const MAX_RATE_HZ = 200;
const ENSEMBLE_NEURONS = 300;
const DECODER_IMAGES = 5000;
const TAU = 0.005;

/**
 * `--net hybrid`, Keras layers inside a spiking network: the keras-to-snn ANN (stage 1, or
 * `--model`); its first neuron layers kept as a rate block (ReLU applied as a function at
 * every step of a spiking run) and the later ones run as spiking LIF neurons; then the ANN
 * block feeding a native Nengo ensemble with least-squares decoders in place of the final
 * dense layer, spiking and in rate mode. Returns the ANN's accuracy.
 */
export async function hybridWalk(walk: Walk): Promise<number> {
  const { options, io } = walk;
  const ann = await timed(walk, '1 ANN', () => annStage(walk));
  walk.networks.set('ann.snn', ann.graph);
  const steps = Math.min(30, options.maxSteps);
  const { inputId } = mnistInput(ann.graph);
  const ctx = { neurons: walk.neurons, synapses: walk.synapses, seed: options.seed };
  const { rate, spiking } = splitLayers(ann.graph);
  const calibrationImages = Math.min(options.calibrationImages, walk.train.count);
  const calibration = walk.train.images.subarray(0, calibrationImages * 784);

  await timed(walk, '2 ANN block + LIF', async () => {
    io.out(`\n== ${HYBRID_LIF_STAGE}: ${rate.join(', ')} rate (ReLU); ${spiking.join(', ')} spiking LIF; ${steps} steps, output averaged\n`);
    const { graph, activation } = lifLaterLayers(ann.graph, spiking, { [inputId]: calibration }, ctx, MAX_RATE_HZ);
    walk.networks.set('hybrid-lif.snn', graph);
    const rateRow = await evaluateRow(walk, graph, { stage: HYBRID_LIF_STAGE, name: 'ANN block + LIF, rate mode', steps: 1, mode: 'rate' });
    const spikingRow = await evaluateRow(walk, graph, { stage: HYBRID_LIF_STAGE, name: 'ANN block + spiking LIF', steps, readout: 'mean', curve: true });
    stageSection(
      walk,
      HYBRID_LIF_STAGE,
      `The first neuron layer${rate.length > 1 ? 's' : ''} (${rate.join(', ')}) stay ReLU: in a spiking run a rate neuron type outputs its rate function at every step, an ANN block inside the spiking network. ` +
        `The later layer${spiking.length > 1 ? 's' : ''} (${spiking.join(', ')}) become spiking LIF neurons (swapNeurons by node): each layer's p99.9 ReLU activation on ${calibrationImages.toLocaleString('en-US')} training images ` +
        `(${spiking.map((id) => `${id}: ${activation[id].toPrecision(4)}`).join(', ')}) drives a LIF neuron at ${MAX_RATE_HZ} Hz, its intercept is 0 (silent below 0, as the ReLU) and its amplitude brings the rate back to the activation's units. ` +
        'The LIF rate curve is not the ReLU line: it rises steeply just above threshold, so in rate mode weak inputs give too much output and the accuracy differs from the ANN; in a short spiking run those weakly driven neurons have not fired yet. The output is averaged over the steps.',
      [ann.row, rateRow, spikingRow],
      ann.row.accuracy,
      spikingFigures(walk, graph, spikingRow, ann.row.accuracy, 'ANN block + LIF'),
    );
  });

  await timed(walk, '3 ANN block + ensemble', async () => {
    io.out(`\n== ${HYBRID_ENSEMBLE_STAGE}: the ANN's features feed ${ENSEMBLE_NEURONS} LIF neurons, least-squares decoders, synapse ${TAU} s, ${steps} steps\n`);
    const decoderImages = Math.min(DECODER_IMAGES, walk.train.count);
    const { graph, radius, feature } = ensembleHybrid(
      ann.graph,
      { neurons: ENSEMBLE_NEURONS, encoderImages: calibration, decoderImages: walk.train.images.subarray(0, decoderImages * 784), decoderLabels: walk.train.labels.subarray(0, decoderImages), tau: TAU },
      ctx,
    );
    walk.networks.set('hybrid-ensemble.snn', graph);
    // rate mode runs one step: without its synapse, as every rate-mode network here
    const rateRow = await evaluateRow(walk, setSynapses(graph, null, { where: 'all' }), { stage: HYBRID_ENSEMBLE_STAGE, name: 'ANN block + ensemble, rate mode', steps: 1, mode: 'rate' });
    const spikingRow = await evaluateRow(walk, graph, { stage: HYBRID_ENSEMBLE_STAGE, name: 'ANN block + spiking ensemble', steps, readout: 'mean', curve: true });
    stageSection(
      walk,
      HYBRID_ENSEMBLE_STAGE,
      `The ANN up to ${feature} runs as a rate block; its features, centred on their mean over ${calibrationImages.toLocaleString('en-US')} training images and divided by their mean distance from it (${radius.toPrecision(4)}), ` +
        `feed a native Nengo ensemble of ${ENSEMBLE_NEURONS} LIF neurons in place of the final dense layer: encoders are the normalized features of randomly chosen training images, ` +
        'max rates are drawn from 200-400 Hz and intercepts from -0.1..0.3, turned into gains and biases by the LIF type. ' +
        `Decoders are solved by regularized least squares on the ensemble's rate-mode activity for ${decoderImages.toLocaleString('en-US')} training images (Nengo's LstsqL2), and reach the output through a ${TAU} s lowpass synapse. ` +
        'The rate-mode row uses the LIF rate function (one step, no synapse); the spiking row averages the decoded output over the steps.',
      [ann.row, rateRow, spikingRow],
      ann.row.accuracy,
      spikingFigures(walk, graph, spikingRow, ann.row.accuracy, 'ANN block + ensemble'),
    );
  });
  return ann.row.accuracy;
}

/** A spiking hybrid's figures: its accuracy after each step, its rate histograms, its activity on the first test image. */
function spikingFigures(walk: Walk, graph: Graph, row: StageRow, annAccuracy: number, network: string): string[] {
  return [
    accuracyCurves(`${network}: accuracy after T steps`, [row], annAccuracy, 'Accuracy of the mean output over steps 1..T.'),
    rateHistograms(row),
    paragraph(`${network} on the first test image:`),
    activityFigures(recordActivity(walk, graph, { steps: row.steps }), network),
  ];
}
