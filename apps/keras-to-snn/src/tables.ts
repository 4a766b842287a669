import { formatCount, formatTable, htmlTable } from '@snn/report';
import type { StageRow } from './walk.js';

const pct = (x: number): string => (100 * x).toFixed(2);
const hz = (x: number): string => (x >= 100 ? x.toFixed(0) : x.toFixed(1));

/** An accuracy's difference from the ANN's in points, signed: `+0.32`, `-1.16`. */
export function formatGap(accuracy: number, annAccuracy: number): string {
  return `${accuracy >= annAccuracy ? '+' : ''}${pct(accuracy - annAccuracy)}`;
}

/** Columns of a stage table: what ran, steps, accuracy, gap to the ANN, rates per layer, SynOps. */
function cells(rows: readonly StageRow[], annAccuracy: number): { headers: string[]; body: string[][]; align: ('left' | 'right')[] } {
  const headers = ['network', 'steps', 'accuracy %', 'vs ANN', 'mean rate per layer (Hz)', 'max rate per layer (Hz)', 'SynOps/image', 'time'];
  const body = rows.map((r) => {
    const layers = Object.keys(r.meanRateHz);
    return [
      r.name,
      r.mode === 'rate' ? 'rate' : String(r.steps),
      pct(r.accuracy),
      r.mode === 'rate' && r.name === 'ANN' ? '' : formatGap(r.accuracy, annAccuracy),
      r.mode === 'rate' ? '' : layers.map((l) => hz(r.meanRateHz[l])).join(' / '),
      r.mode === 'rate' ? '' : layers.map((l) => hz(r.maxRateHz[l])).join(' / '),
      r.mode === 'rate' ? '' : formatCount(r.synopsPerImage),
      `${r.seconds.toFixed(1)} s`,
    ];
  });
  return { headers, body, align: ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right'] };
}

/** A stage's rows as a terminal table, with the layer order of the rates underneath. */
export function stageTableText(rows: readonly StageRow[], annAccuracy: number): string {
  const { headers, body, align } = cells(rows, annAccuracy);
  const layers = rows.find((r) => r.mode === 'spiking');
  const legend = layers ? `  rates per layer: ${Object.keys(layers.meanRateHz).join(' / ')}\n` : '';
  return formatTable(headers, body, align) + legend;
}

/** A stage's rows as an HTML table (the row `highlight` set in bold). */
export function stageTableHtml(rows: readonly StageRow[], annAccuracy: number, highlight?: StageRow): string {
  const { headers, body, align } = cells(rows, annAccuracy);
  const index = highlight ? rows.indexOf(highlight) : -1;
  return htmlTable(headers, body, { align, ...(index >= 0 ? { highlightRow: index } : {}) });
}
