import { paragraph } from '@snn/report';
import { nengoConversion, stageSection } from '../convert.js';
import { evaluateRow } from '../evaluate-row.js';
import { accuracyCurves, activityFigures } from '../figures.js';
import { recordActivity } from '../record-activity.js';
import type { AnnResult } from './ann.js';
import type { StageRow, Walk } from '../walk.js';

export const SYNAPSE_STAGE = '3. Synaptic smoothing';

/** Stage 3: a lowpass synapse of 1, 5 and 10 ms on every edge leaving neurons, 60 steps. */
export async function synapseStage(walk: Walk, ann: AnnResult): Promise<StageRow[]> {
  const steps = walk.options.maxSteps;
  walk.io.out(`\n== ${SYNAPSE_STAGE}: lowpass synapses 0.001 / 0.005 / 0.01 s, ${steps} steps\n`);
  const rows: StageRow[] = [];
  for (const tau of [0.001, 0.005, 0.01]) {
    rows.push(await evaluateRow(walk, nengoConversion(walk, ann.graph, { synapse: tau }), { stage: SYNAPSE_STAGE, name: `synapse ${tau} s`, steps, curve: true }));
  }
  const record = recordActivity(walk, nengoConversion(walk, ann.graph, { synapse: 0.01 }), { steps });
  stageSection(
    walk,
    SYNAPSE_STAGE,
    'A lowpass filter on every connection leaving a neuron layer (NengoDL\'s synapse argument) averages spikes over time: the last step then reads a smoothed rate instead of single spikes. ' +
      'Longer time constants smooth more but delay each layer, so the network needs more steps to settle.',
    rows,
    ann.row.accuracy,
    [
      accuracyCurves('Accuracy after each step, by synapse', rows, ann.row.accuracy, 'Accuracy when the output is read after T steps (one run per synapse; a run is causal, so its first T steps are a T-step run).'),
      paragraph('With the 10 ms synapse, on the first test image:'),
      activityFigures(record, 'synapse 0.01 s'),
    ],
  );
  return rows;
}
