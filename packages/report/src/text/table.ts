/** Column alignment in {@link formatTable}. */
export type Align = 'left' | 'right';

/**
 * A plain-text table: a header row, a rule, then the rows; columns padded to their widest
 * cell (`align` per column, default left). Every line is indented by two spaces.
 */
export function formatTable(headers: readonly string[], rows: readonly (readonly string[])[], align: readonly Align[] = []): string {
  const widths = headers.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    '  ' +
    cells
      .map((cell, c) => (align[c] === 'right' ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
      .join('  ')
      .trimEnd();
  return [line(headers), '  ' + widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map((r) => line(headers.map((_, c) => r[c] ?? '')))].join('\n') + '\n';
}

/** A count for people: rounded to a whole number, thousands grouped (12,345). */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: 0 });
}
