import { annStage } from './stages/ann.js';
import { fewStepStage } from './stages/few-steps.js';
import { naiveStage } from './stages/naive.js';
import { regularizationStage } from './stages/regularization.js';
import { scalingStage } from './stages/scaling.js';
import { synapseStage } from './stages/synapses.js';
import type { Walk, WalkBase } from './walk.js';

/** Stages whose networks compete for "closest to the ANN in few steps". */
export const FEW_STEP_STAGES = ['5. Firing-rate regularization', '6. Calibration and few-step fine-tuning'];

/** Time a stage into `walk.timings`. */
export async function timed<T>(walk: WalkBase, stage: string, run: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await run();
  } finally {
    walk.timings.push({ stage, seconds: (performance.now() - start) / 1000 });
  }
}

/**
 * The keras-to-snn walkthrough, stages 1-6: the ANN (trained or `--model`), naive
 * conversion, synaptic smoothing, firing-rate scaling, firing-rate regularization,
 * calibration and QCFS few-step fine-tuning. Returns the ANN's accuracy.
 */
export async function kerasToSnnWalk(walk: Walk): Promise<number> {
  const ann = await timed(walk, '1 ANN', () => annStage(walk));
  walk.networks.set('ann.snn', ann.graph);
  const naive = await timed(walk, '2 naive', () => naiveStage(walk, ann));
  await timed(walk, '3 synapses', () => synapseStage(walk, ann));
  const scaling = await timed(walk, '4 scaling', () => scalingStage(walk, ann));
  const regularized = await timed(walk, '5 regularization', () => regularizationStage(walk, ann));
  if (regularized) walk.networks.set('regularized.snn', regularized.ann);
  await timed(walk, '6 calibration + QCFS', () => fewStepStage(walk, ann, { naive: naive.graph, handScaled: scaling.handScaled, ...(regularized ? { regularized } : {}) }));
  return ann.row.accuracy;
}
