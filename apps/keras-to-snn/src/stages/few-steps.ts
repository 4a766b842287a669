import type { Graph } from '@snn/ir';
import { mnistInput } from '@snn/mnist';
import { htmlTable, PALETTE, paragraph } from '@snn/report';
import { calibrate } from '@snn/sim';
import { qcfsFromData } from '@snn/train';
import { cachedTraining, graphHash } from '../cache.js';
import { stageSection } from '../convert.js';
import { evaluateRow } from '../evaluate-row.js';
import { accuracyCurves, activityFigures, rateHistograms } from '../figures.js';
import { recordActivity } from '../record-activity.js';
import { trainNetwork } from '../train-network.js';
import { skippedStage, whyNotTrainable } from '../trainability.js';
import type { AnnResult } from './ann.js';
import type { RegularizedResult } from './regularization.js';
import type { StageRow, Walk } from '../walk.js';

export const FEW_STEPS_STAGE = '6. Calibration and few-step fine-tuning';
const QCFS_LEVELS = 8;
const PERCENTILE = 99.9;

/** Accuracy marks of the few-step table. */
const MARKS = [1, 2, 4, 8, 10, 20, 30, 60];

/**
 * Stage 6: calibrate the ANN on training images (each layer's p99.9 activation becomes one
 * spike per step; IntegrateAndFire neurons, mean readout) and fine-tune a QCFS network
 * (L = 8 levels, Adam 1e-4) and calibrate it; accuracy after 1..T steps of every network of
 * the walkthrough on one plot, with rates and SynOps.
 */
export async function fewStepStage(walk: Walk, ann: AnnResult, earlier: { naive: Graph; handScaled: Graph; regularized?: RegularizedResult }): Promise<StageRow[]> {
  const { options } = walk;
  const steps = options.maxSteps;
  const short = Math.min(30, steps);
  walk.io.out(`\n== ${FEW_STEPS_STAGE}: calibrated (p${PERCENTILE}, ${options.calibrationImages} images) and QCFS-tuned (L = ${QCFS_LEVELS}) networks; accuracy after 1..${steps} steps\n`);
  const { inputId } = mnistInput(ann.graph);
  const calibrationInputs = { [inputId]: walk.train.images.subarray(0, Math.min(options.calibrationImages, walk.train.count) * 784) };
  const calibrateSettings = { neurons: walk.neurons, synapses: walk.synapses, percentile: PERCENTILE };

  const calibrated = calibrate(ann.graph, calibrationInputs, calibrateSettings);
  const rows: StageRow[] = [];
  const calibratedRow = await evaluateRow(walk, calibrated.graph, { stage: FEW_STEPS_STAGE, name: 'calibrated', steps: short, readout: 'mean' });
  rows.push(calibratedRow);
  const curves: StageRow[] = [];
  const naiveCurve = await evaluateRow(walk, earlier.naive, { stage: FEW_STEPS_STAGE, name: 'naive', steps, curve: true, listed: false });
  curves.push(naiveCurve, await evaluateRow(walk, earlier.handScaled, { stage: FEW_STEPS_STAGE, name: 'scale 10, synapse 0.01 s', steps, curve: true, listed: false }));
  if (earlier.regularized) curves.push({ ...earlier.regularized.curve, name: 'regularized, synapse 0.01 s' });
  curves.push(await evaluateRow(walk, calibrated.graph, { stage: FEW_STEPS_STAGE, name: 'calibrated', steps, readout: 'mean', curve: true, listed: steps > short }));

  let qcfsRow: StageRow | undefined;
  let qcfsGraph: Graph | undefined;
  const reason = whyNotTrainable(ann.graph);
  if (reason === undefined && ann.graph.nodes.some((n) => n.kind === 'neurons' && n.neuronType === 'RectifiedLinear')) {
    const optimizer = { type: 'adam' as const, learningRate: 1e-4 };
    const settings = { what: 'qcfs', from: graphHash(ann.graph), levels: QCFS_LEVELS, percentile: PERCENTILE, calibrationImages: options.calibrationImages, optimizer, batchSize: 200, epochs: options.qcfsEpochs, seed: options.seed, trainImages: walk.train.count };
    const { graph: tuned } = await cachedTraining(walk, 'qcfs', settings, () => {
      const { graph: qcfs } = qcfsFromData(ann.graph, calibrationInputs, { levels: QCFS_LEVELS, percentile: PERCENTILE, neurons: walk.neurons, synapses: walk.synapses });
      return trainNetwork(walk, qcfs, { label: `QCFS L=${QCFS_LEVELS}`, optimizer, epochs: options.qcfsEpochs, batchSize: 200 });
    });
    qcfsGraph = calibrate(tuned, calibrationInputs, calibrateSettings).graph;
    rows.push(await evaluateRow(walk, tuned, { stage: FEW_STEPS_STAGE, name: `QCFS L=${QCFS_LEVELS} ANN`, steps: 1, mode: 'rate' }));
    qcfsRow = await evaluateRow(walk, qcfsGraph, { stage: FEW_STEPS_STAGE, name: `QCFS L=${QCFS_LEVELS}, calibrated`, steps: short, readout: 'mean' });
    rows.push(qcfsRow);
    const few = await evaluateRow(walk, qcfsGraph, { stage: FEW_STEPS_STAGE, name: `QCFS L=${QCFS_LEVELS}, calibrated`, steps: QCFS_LEVELS, readout: 'mean' });
    rows.push(few);
    curves.push(await evaluateRow(walk, qcfsGraph, { stage: FEW_STEPS_STAGE, name: `QCFS L=${QCFS_LEVELS}, calibrated`, steps, readout: 'mean', curve: true, listed: steps > short }));
  }

  const marks = MARKS.filter((t) => t <= steps);
  const curveTable = htmlTable(
    ['network', ...marks.map((t) => `T=${t}`), 'mean rates (Hz)', `SynOps/image (${steps} steps)`],
    curves.map((c) => [c.name, ...marks.map((t) => (c.accuracyByStep && t <= c.accuracyByStep.length ? (100 * c.accuracyByStep[t - 1]).toFixed(2) : '')), Object.values(c.meanRateHz).map((h) => h.toFixed(1)).join(' / '), Math.round(c.synopsPerImage).toLocaleString('en-US')]),
    { align: ['left', ...marks.map(() => 'right' as const), 'right', 'right'] },
  );
  // each network keeps its colour in the full and the zoomed plot
  const colorOf = (row: StageRow): string => PALETTE[curves.indexOf(row) % PALETTE.length];
  const figures = [
    accuracyCurves(
      `Accuracy after T steps: every network of the walkthrough (ANN ${(100 * ann.row.accuracy).toFixed(2)}%)`,
      curves,
      ann.row.accuracy,
      'Test accuracy when the output is read after T steps (each curve is one run of the network; NengoDL-style networks read the last step, calibrated and QCFS networks the mean over the steps so far).',
      { colorOf },
    ),
    accuracyCurves(
      'The same curves near the ANN',
      curves.filter((c) => c.accuracy >= ann.row.accuracy - 0.03),
      ann.row.accuracy,
      'Zoomed in to the 3 points below the ANN (the networks that end there; values below the axis sit on it).',
      { yMin: Math.floor(100 * ann.row.accuracy - 3), colorOf },
    ),
    curveTable,
    rateHistograms(calibratedRow),
    paragraph('The calibrated network on the first test image:'),
    activityFigures(recordActivity(walk, calibrated.graph, { steps: short }), 'calibrated'),
  ];
  if (qcfsRow && qcfsGraph) {
    figures.push(rateHistograms(qcfsRow), paragraph('The QCFS-tuned network on the first test image:'), activityFigures(recordActivity(walk, qcfsGraph, { steps: short }), `QCFS L=${QCFS_LEVELS}`));
  } else {
    figures.push(paragraph(`QCFS fine-tuning skipped: ${reason ?? 'the model has no ReLU layers to quantize'}.`));
  }
  const calibrationLines = calibrated.layers.map((l) => `${l.node}: p${PERCENTILE} activation ${l.threshold.toPrecision(4)} = one spike per step (scale ${l.scale.toPrecision(4)}, expected ${l.expectedRateHz.toFixed(1)} Hz)`).join('; ');
  stageSection(
    walk,
    FEW_STEPS_STAGE,
    `Calibration runs the ANN on ${options.calibrationImages.toLocaleString('en-US')} training images and gives each layer its own scale, so that its ${PERCENTILE}th-percentile activation is one spike per step (${calibrationLines}). ` +
      'Its neurons integrate signed input and reset by subtraction (IntegrateAndFire, starting at half the threshold), no synapse, and the output is read as its mean over time. ' +
      `QCFS fine-tuning (Bu et al., ICLR 2022) trains the ANN with ${QCFS_LEVELS}-level quantized, clipped activations, the function a calibrated spiking layer computes in ${QCFS_LEVELS} steps, then calibrates it with its trained thresholds.`,
    rows,
    ann.row.accuracy,
    figures,
    qcfsRow ?? calibratedRow,
  );
  return rows;
}
