import { isSnnError, type Graph } from '@snn/ir';
import { paragraph } from '@snn/report';
import { checkTrainable } from '@snn/train';
import type { WalkBase } from './walk.js';

/**
 * Why `graph` cannot be fine-tuned (a layer converted for inference only, nothing trainable),
 * or undefined when it can. A stage that trains then says so in its table and report and the
 * walkthrough goes on with the stages that only convert.
 */
export function whyNotTrainable(graph: Graph): string | undefined {
  try {
    checkTrainable(graph);
    return undefined;
  } catch (e) {
    if (isSnnError(e)) return e.message;
    throw e;
  }
}

/** Report a stage skipped because its network cannot be trained. */
export function skippedStage(walk: WalkBase, stage: string, reason: string): void {
  walk.io.out(`  skipped: the model cannot be fine-tuned: ${reason}\n`);
  walk.report.section(stage, paragraph(`Skipped: this stage fine-tunes the network, and this model cannot be trained: ${reason}`));
}
