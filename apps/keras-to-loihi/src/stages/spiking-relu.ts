import type { Graph } from '@snn/ir';
import { accuracyCurves, evaluateRow, nengoConversion, rateHistograms, stageSection, type StageRow } from '@snn/keras-to-snn/shared';
import { mnistInput } from '@snn/mnist';
import { htmlTable, paragraph } from '@snn/report';
import { calibrate, type Calibration } from '@snn/sim';
import { EXAMPLE, type LoihiWalk } from '../walk.js';
import type { AnnResult } from './ann.js';

export const SPIKING_STAGE = '2. Spiking ReLU';
export const LOIHI_STAGE = '3. Loihi spiking ReLU';
const LOIHI_SRL = 'LoihiSpikingRectifiedLinear';
/** Percentile of each layer's positive activations mapped to one spike per step by the automatic calibration. */
export const PERCENTILE = 99.9;

/** What stages 2 and 3 hand on: the per-layer scales of both recipes and the automatic calibration. */
export interface SpikingReluResult {
  /** The example's recipe: per neurons node, 200 Hz / the layer's mean ANN activation. */
  readonly exampleScales: Readonly<Record<string, number>>;
  readonly calibration: Calibration;
  readonly rows: readonly StageRow[];
}

/** The ANN with ReLU -> `neuronType`, the given scales and the example's 5 ms synapse. */
function converted(walk: LoihiWalk, ann: Graph, neuronType: string, scale: number | Readonly<Record<string, number>>): Graph {
  return nengoConversion(walk, ann, { neuronType, scale, synapse: EXAMPLE.synapse });
}

/**
 * Stage 2: the ANN with NengoDL's SpikingRectifiedLinear (scale 100, synapse 5 ms, 30 steps,
 * last-step readout). Stage 3: the same with Loihi's spiking ReLU, whose rates are a staircase
 * (1000/k Hz), then with per-layer scales for a 200 Hz mean rate (the example's recipe), and
 * calibrated automatically (p99.9 activation -> one spike per step; mean readout).
 */
export async function spikingReluStages(walk: LoihiWalk, ann: AnnResult): Promise<SpikingReluResult> {
  const { steps } = walk.options;
  walk.io.out(`\n== ${SPIKING_STAGE}: SpikingRectifiedLinear, scale ${EXAMPLE.scale}, synapse ${EXAMPLE.synapse} s, ${steps} steps\n`);
  const spiking = await evaluateRow(walk, converted(walk, ann.graph, 'SpikingRectifiedLinear', EXAMPLE.scale), { stage: SPIKING_STAGE, name: `spiking ReLU x${EXAMPLE.scale}`, steps, curve: true });
  stageSection(
    walk,
    SPIKING_STAGE,
    `Every ReLU becomes Nengo's SpikingRectifiedLinear, its input scaled by ${EXAMPLE.scale} and its output divided by ${EXAMPLE.scale} (NengoDL's scale_firing_rates), each layer's spikes smoothed by a ${1000 * EXAMPLE.synapse} ms lowpass synapse; ` +
      `each image is shown for ${steps} steps of 1 ms and classified on the last step, as the example does. A Nengo spiking ReLU may fire several times in one step.`,
    [spiking],
    ann.row.accuracy,
    [rateHistograms(spiking)],
  );

  walk.io.out(`\n== ${LOIHI_STAGE}: LoihiSpikingRectifiedLinear at scale ${EXAMPLE.scale}, at per-layer scales for ${EXAMPLE.targetMeanHz} Hz, and calibrated\n`);
  const { inputId } = mnistInput(ann.graph);
  const calibrationInputs = { [inputId]: walk.train.images.subarray(0, Math.min(walk.options.calibrationImages, walk.train.count) * 784) };
  const calibration = calibrate(ann.graph, calibrationInputs, { neurons: walk.neurons, synapses: walk.synapses, neuronType: LOIHI_SRL, percentile: PERCENTILE, synapse: { type: 'lowpass', params: { tau: EXAMPLE.synapse } } });
  const exampleScales = Object.fromEntries(calibration.layers.map((l) => [l.node, l.meanActivation > 0 ? EXAMPLE.targetMeanHz / l.meanActivation : 1]));
  const rows = [
    await evaluateRow(walk, converted(walk, ann.graph, LOIHI_SRL, EXAMPLE.scale), { stage: LOIHI_STAGE, name: `Loihi spiking ReLU x${EXAMPLE.scale}`, steps, curve: true }),
    await evaluateRow(walk, converted(walk, ann.graph, LOIHI_SRL, exampleScales), { stage: LOIHI_STAGE, name: `Loihi spiking ReLU, ${EXAMPLE.targetMeanHz} Hz per layer`, steps, curve: true }),
    await evaluateRow(walk, calibration.graph, { stage: LOIHI_STAGE, name: 'Loihi spiking ReLU, calibrated', steps, curve: true, readout: 'mean' }),
  ];
  const scaleTable = htmlTable(
    ['layer', 'mean ANN activation', `scale for ${EXAMPLE.targetMeanHz} Hz`, `calibrated scale (p${PERCENTILE})`, 'calibrated mean rate (Hz, rate mode)'],
    calibration.layers.map((l) => [l.node, l.meanActivation.toFixed(3), exampleScales[l.node]!.toFixed(1), l.scale.toFixed(1), l.expectedRateHz.toFixed(1)]),
    { align: ['left', 'right', 'right', 'right', 'right'] },
  );
  stageSection(
    walk,
    LOIHI_STAGE,
    `Loihi's spiking ReLU fires at most once per step and resets to zero, so its rate for input J is 1000/ceil(1000/J) Hz: a staircase below ReLU's line that loses most where rates are high. ` +
      `At the example's scale of ${EXAMPLE.scale} many neurons fire too rarely to say anything in ${steps} steps, and accuracy drops. The example's fix: per-layer scales that give each layer a mean rate of ${EXAMPLE.targetMeanHz} Hz on the ANN's activations ` +
      `(${EXAMPLE.targetMeanHz} / mean activation). Beside it, the automatic calibration of the conversion stage: each layer's ${PERCENTILE}th-percentile activation (on ${walk.options.calibrationImages.toLocaleString('en-US')} training images) becomes one spike per step, read as the mean output over the steps.`,
    rows,
    ann.row.accuracy,
    [
      paragraph('The scales of both recipes, per layer:'),
      scaleTable,
      accuracyCurves(`Accuracy after each step (synapse ${1000 * EXAMPLE.synapse} ms)`, [spiking, ...rows], ann.row.accuracy, 'Spiking ReLU (Nengo) against Loihi spiking ReLU at the example\'s scale, at 200 Hz per layer and calibrated, read after T steps.'),
      rateHistograms(rows[1]!),
    ],
  );
  return { exampleScales, calibration, rows: [spiking, ...rows] };
}
