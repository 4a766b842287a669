import { escapeHtml } from './escape-html.js';

/** Options of {@link htmlTable}. */
export interface HtmlTableOptions {
  /** Alignment per column (default: left); right-align numbers. */
  readonly align?: readonly ('left' | 'right')[];
  /** Index of a row to highlight (e.g. the best network). */
  readonly highlightRow?: number;
}

/**
 * An HTML table of text cells (escaped), e.g. a results table; the report's CSS gives it
 * zebra rows. Rows shorter than the header are padded with empty cells.
 */
export function htmlTable(headers: readonly string[], rows: readonly (readonly string[])[], options: HtmlTableOptions = {}): string {
  const cls = (i: number) => (options.align?.[i] === 'right' ? ' class="num"' : '');
  const head = headers.map((h, i) => `<th${cls(i)}>${escapeHtml(h)}</th>`).join('');
  const width = Math.max(headers.length, ...rows.map((r) => r.length));
  const body = rows
    .map((row, r) => {
      const cells = Array.from({ length: width }, (_, i) => `<td${cls(i)}>${escapeHtml(row[i] ?? '')}</td>`).join('');
      return `<tr${r === options.highlightRow ? ' class="highlight"' : ''}>${cells}</tr>`;
    })
    .join('\n');
  return `<div class="table-wrap"><table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table></div>`;
}
