import type { Graph } from '@snn/ir';
import { paragraph } from '@snn/report';
import { nengoConversion, stageSection } from '../convert.js';
import { evaluateRow } from '../evaluate-row.js';
import { activityFigures } from '../figures.js';
import { recordActivity } from '../record-activity.js';
import type { AnnResult } from './ann.js';
import type { StageRow, Walk } from '../walk.js';

export const NAIVE_STAGE = '2. Naive conversion';

/** Stage 2: every ReLU becomes a spiking rectified linear neuron, nothing else; 30 steps, read at the last step. */
export async function naiveStage(walk: Walk, ann: AnnResult): Promise<{ graph: Graph; row: StageRow }> {
  walk.io.out(`\n== ${NAIVE_STAGE}: ReLU -> SpikingRectifiedLinear, 30 steps, no synapse\n`);
  const graph = nengoConversion(walk, ann.graph);
  const row = await evaluateRow(walk, graph, { stage: NAIVE_STAGE, name: 'naive', steps: 30 });
  const record = recordActivity(walk, graph, { steps: 30 });
  stageSection(
    walk,
    NAIVE_STAGE,
    'Each ReLU is swapped for a spiking rectified linear neuron (NengoDL\'s swap_activations), which fires at the rate the ReLU outputs, in Hz. ' +
      'ReLU activations of a few units mean a few spikes per second: in 30 steps of 1 ms most neurons never fire, and the last step\'s output is mostly noise.',
    [row],
    ann.row.accuracy,
    [paragraph('What the naive network does with the first test image:'), activityFigures(record, 'naive')],
  );
  return { graph, row };
}
