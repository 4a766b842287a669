import { applyConversion, type Graph } from '@snn/ir';
import { conversionHooks } from '@snn/neurons';
import { paragraph } from '@snn/report';
import { stageTableHtml, stageTableText } from './tables.js';
import type { StageRow, Walk } from './walk.js';

/** NengoDL's conversion settings (spec §5): every ReLU becomes SpikingRectifiedLinear, optionally scaled and smoothed. */
export interface NengoSettings {
  readonly scale?: number;
  /** Lowpass time constant (s) on every edge leaving neurons. */
  readonly synapse?: number;
}

/** `ann` converted as NengoDL's converter does with `swap_activations`, `scale_firing_rates` and `synapse`. */
export function nengoConversion(walk: Walk, ann: Graph, settings: NengoSettings = {}): Graph {
  return applyConversion(
    ann,
    {
      swapNeurons: { byType: { RectifiedLinear: 'SpikingRectifiedLinear' } },
      ...(settings.scale !== undefined ? { scaleFiringRates: settings.scale } : {}),
      ...(settings.synapse !== undefined ? { synapse: { type: 'lowpass', params: { tau: settings.synapse } } } : {}),
    },
    conversionHooks(walk.neurons),
  ).graph;
}

/** Print a stage's table and add its section to the report: an introduction, the table, then figures. */
export function stageSection(walk: Walk, stage: string, intro: string, rows: readonly StageRow[], annAccuracy: number, blocks: readonly string[] = [], highlight?: StageRow): void {
  walk.io.out(`\n${stageTableText(rows, annAccuracy)}`);
  walk.report.section(stage, paragraph(intro), stageTableHtml(rows, annAccuracy, highlight), ...blocks);
}
