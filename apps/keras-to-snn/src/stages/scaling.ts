import type { Graph } from '@snn/ir';
import { paragraph } from '@snn/report';
import { nengoConversion, stageSection } from '../convert.js';
import { evaluateRow } from '../evaluate-row.js';
import { accuracyCurves, activityFigures, rateHistograms } from '../figures.js';
import { recordActivity } from '../record-activity.js';
import type { AnnResult } from './ann.js';
import type { StageRow, Walk } from '../walk.js';

export const SCALING_STAGE = '4. Firing-rate scaling';

/** Stage 4: scale 2, 5, 10 with a 10 ms synapse; then scale 1000 at 10 steps (accuracy against firing rates). */
export async function scalingStage(walk: Walk, ann: AnnResult): Promise<{ rows: StageRow[]; handScaled: Graph }> {
  const steps = Math.min(30, walk.options.maxSteps); // NengoDL's run_network default
  walk.io.out(`\n== ${SCALING_STAGE}: scale 2 / 5 / 10 with synapse 0.01 s (${steps} steps), scale 1000 at 10 steps\n`);
  const rows: StageRow[] = [];
  for (const scale of [2, 5, 10]) {
    rows.push(await evaluateRow(walk, nengoConversion(walk, ann.graph, { scale, synapse: 0.01 }), { stage: SCALING_STAGE, name: `scale ${scale}, synapse 0.01 s`, steps, curve: true }));
  }
  const fast = nengoConversion(walk, ann.graph, { scale: 1000 });
  const thousand = await evaluateRow(walk, fast, { stage: SCALING_STAGE, name: 'scale 1000, no synapse', steps: 10 });
  rows.push(thousand);
  const record = recordActivity(walk, fast, { steps: 10 });
  stageSection(
    walk,
    SCALING_STAGE,
    'Scaling the firing rates (NengoDL\'s scale_firing_rates) multiplies each neuron\'s input by s and divides its output by s: the same function from s times as many spikes. ' +
      'More spikes per step carry more information, so accuracy rises with s, and so do the firing rates and the synaptic operations, the energy a neuromorphic chip spends. ' +
      'Scale 1000 reaches the ANN in 10 steps at rates no real neuron or chip would run.',
    rows,
    ann.row.accuracy,
    [
      accuracyCurves('Accuracy after each step, by firing-rate scale (synapse 0.01 s)', rows.slice(0, 3), ann.row.accuracy, 'Accuracy when the output is read after T steps.'),
      rateHistograms(rows[2]),
      rateHistograms(thousand),
      paragraph('Scale 1000 on the first test image, 10 steps:'),
      activityFigures(record, 'scale 1000'),
    ],
  );
  return { rows, handScaled: nengoConversion(walk, ann.graph, { scale: 10, synapse: 0.01 }) };
}
