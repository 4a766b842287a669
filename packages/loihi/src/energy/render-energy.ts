import { formatTable } from '@snn/report';
import type { EnergyReport } from './estimate-energy.js';

const PREFIXES: readonly [number, string][] = [[1, ''], [1e-3, 'm'], [1e-6, 'µ'], [1e-9, 'n'], [1e-12, 'p'], [1e-15, 'f']];

/** A quantity with an SI prefix and 4 significant digits, e.g. 554.8 pJ. */
export function formatSi(value: number, unit: string): string {
  if (value === 0) return `0 ${unit}`;
  const [scale, prefix] = PREFIXES.find(([s]) => Math.abs(value) >= s) ?? PREFIXES[PREFIXES.length - 1]!;
  return `${Number((value / scale).toPrecision(4))} ${prefix}${unit}`;
}

/** A bounded quantity with SI prefixes: one value when the bounds agree, `a - b`, `>= a` / `<= b` with one bound, `n/a` with none. */
export function formatRange(min: number | null, max: number | null, unit: string): string {
  if (min === null && max === null) return 'n/a (no cited figure)';
  if (max === null) return `>= ${formatSi(min!, unit)}`;
  if (min === null) return `<= ${formatSi(max, unit)}`;
  return min === max ? formatSi(min, unit) : `${formatSi(min, unit)} - ${formatSi(max, unit)}`;
}

/**
 * The report as text: a table of energy and latency per inference per platform, each platform's
 * notes, every figure used, and its numbered source.
 */
export function renderEnergyReport(report: EnergyReport): string {
  const rows = report.platforms.map((p) => [p.platform, formatRange(p.energyJ.min, p.energyJ.max, 'J'), formatRange(p.latencyS.min, p.latencyS.max, 's')]);
  const parts = ['Energy and latency per inference\n', formatTable(['platform', 'energy', 'latency'], rows, ['left', 'right', 'right'])];
  for (const p of report.platforms) parts.push(`\n${p.platform}:\n${p.notes.map((n) => `  - ${n}\n`).join('')}`);
  const sources: string[] = [];
  parts.push('\nFigures used:\n');
  for (const p of report.platforms)
    for (const c of p.citations) {
      if (!sources.includes(c.source)) sources.push(c.source);
      parts.push(`  ${c.figure}: ${c.value} ${c.unit} [${sources.indexOf(c.source) + 1}]\n`);
    }
  parts.push('\nSources:\n', ...sources.map((s, i) => `  [${i + 1}] ${s}\n`));
  return parts.join('');
}
