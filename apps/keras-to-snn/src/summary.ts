import { formatCount, formatTable, htmlTable } from '@snn/report';
import { formatGap } from './tables.js';
import type { StageRow, Walk, WalkBase } from './walk.js';

/** The spiking row that answers "how close to the ANN, in few steps, at sane rates": the best of the listed stages' rows with at most `maxSteps` steps and every layer's mean rate at most `maxRateHz`. */
export function bestFewStepRow(rows: readonly StageRow[], stages: readonly string[], maxSteps = 30, maxRateHz = 250): StageRow | undefined {
  const fits = rows.filter((r) => r.mode === 'spiking' && stages.includes(r.stage) && r.steps <= maxSteps && Object.values(r.meanRateHz).every((hz) => hz <= maxRateHz));
  return fits.reduce<StageRow | undefined>((best, r) => (best === undefined || r.accuracy > best.accuracy ? r : best), undefined);
}

const HEADERS = ['stage', 'network', 'steps', 'accuracy %', 'vs ANN', 'mean rates (Hz)', 'SynOps/image'];
const ALIGN = ['left', 'left', 'right', 'right', 'right', 'right', 'right'] as const;

/** One summary line per measured row: stage number, network, steps, accuracy, gap to the ANN, mean rates, SynOps. */
function summaryCells(walk: WalkBase, annAccuracy: number): string[][] {
  return walk.rows.map((r) => [
    r.stage.replace(/^(\d+)\. .*/, '$1'),
    r.name,
    r.mode === 'rate' ? 'rate' : String(r.steps),
    (100 * r.accuracy).toFixed(2),
    r.name === 'ANN' ? '' : formatGap(r.accuracy, annAccuracy),
    r.mode === 'rate' ? '' : Object.values(r.meanRateHz).map((h) => h.toFixed(1)).join(' / '),
    r.mode === 'rate' ? '' : formatCount(r.synopsPerImage),
  ]);
}

/** The keras-to-snn verdict: the best spiking network in <= 30 steps at <= 250 Hz, against the ANN. */
export function fewStepVerdict(best: StageRow | undefined, annAccuracy: number): string {
  return best
    ? `best spiking network in <= 30 steps with mean rates <= 250 Hz: ${best.name} at ${best.steps} steps, ${(100 * best.accuracy).toFixed(2)}% (${formatGap(best.accuracy, annAccuracy)} points vs the ANN's ${(100 * annAccuracy).toFixed(2)}%)`
    : 'no spiking network reached the ANN in <= 30 steps with mean rates <= 250 Hz';
}

/** The closing summary: every row, a verdict line when given, the stages' times. */
export function summaryText(walk: WalkBase, annAccuracy: number, reportPath: string, verdict?: string): string {
  const table = formatTable(HEADERS, summaryCells(walk, annAccuracy), ALIGN);
  const times = walk.timings.map((t) => `${t.stage} ${t.seconds.toFixed(0)} s`).join(', ');
  const total = walk.timings.reduce((a, t) => a + t.seconds, 0);
  return `\n== Summary (${walk.test.count.toLocaleString('en-US')} test images)\n\n${table}\n${verdict !== undefined ? `${verdict}\n` : ''}stage times: ${times}; total ${(total / 60).toFixed(1)} min\nreport: ${reportPath}\n`;
}

/** The summary as a report section's table, the best few-step row in bold. */
export function summaryHtml(walk: WalkBase, annAccuracy: number, best: StageRow | undefined): string {
  const index = best ? walk.rows.indexOf(best) : -1;
  return htmlTable(HEADERS, summaryCells(walk, annAccuracy), { align: ALIGN, ...(index >= 0 ? { highlightRow: index } : {}) });
}

/** The `--json` line: the ANN, every stage row (accuracies as fractions), the report path. */
export function summaryJson(walk: Walk, annAccuracy: number, reportPath: string): string {
  return JSON.stringify({ net: walk.options.net, ann: { accuracy: annAccuracy }, ...stagesJson(walk), report: reportPath });
}

/** The measured rows and stage times as the `--json` line holds them (accuracies as fractions, times rounded). */
export function stagesJson(walk: WalkBase): { stages: Record<string, unknown>[]; timings: Record<string, number> } {
  const stages = walk.rows.map((r) => ({ stage: r.stage, name: r.name, mode: r.mode, steps: r.steps, readout: r.readout, accuracy: r.accuracy, meanRateHz: r.meanRateHz, maxRateHz: r.maxRateHz, synopsPerImage: r.synopsPerImage, seconds: +r.seconds.toFixed(2) }));
  return { stages, timings: Object.fromEntries(walk.timings.map((t) => [t.stage, +t.seconds.toFixed(1)])) };
}
