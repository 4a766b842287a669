import { applyConversion, type Graph } from '@snn/ir';
import { conversionHooks } from '@snn/neurons';
import { paragraph } from '@snn/report';
import { stageTableHtml, stageTableText } from './tables.js';
import type { StageRow, WalkBase } from './walk.js';

/** NengoDL's conversion settings (spec §5): every ReLU becomes SpikingRectifiedLinear (or `neuronType`), optionally scaled and smoothed. */
export interface NengoSettings {
  /** Firing-rate scale of every layer, or per neurons node id (NengoDL's `scale_firing_rates` dict). */
  readonly scale?: number | Readonly<Record<string, number>>;
  /** The spiking type RectifiedLinear becomes (default SpikingRectifiedLinear), e.g. LoihiSpikingRectifiedLinear. */
  readonly neuronType?: string;
  /** Lowpass time constant (s) on every edge leaving neurons. */
  readonly synapse?: number;
}

/** `ann` converted as NengoDL's converter does with `swap_activations`, `scale_firing_rates` and `synapse`. */
export function nengoConversion(walk: WalkBase, ann: Graph, settings: NengoSettings = {}): Graph {
  return applyConversion(
    ann,
    {
      swapNeurons: { byType: { RectifiedLinear: settings.neuronType ?? 'SpikingRectifiedLinear' } },
      ...(settings.scale !== undefined ? { scaleFiringRates: settings.scale } : {}),
      ...(settings.synapse !== undefined ? { synapse: { type: 'lowpass', params: { tau: settings.synapse } } } : {}),
    },
    conversionHooks(walk.neurons),
  ).graph;
}

/** Print a stage's table and add its section to the report: an introduction, the table, then figures. */
export function stageSection(walk: WalkBase, stage: string, intro: string, rows: readonly StageRow[], annAccuracy: number, blocks: readonly string[] = [], highlight?: StageRow): void {
  walk.io.out(`\n${stageTableText(rows, annAccuracy)}`);
  walk.report.section(stage, paragraph(intro), stageTableHtml(rows, annAccuracy, highlight), ...blocks);
}
