import { escapeHtml } from './escape-html.js';
import { REPORT_CSS } from './report-css.js';

/** Options of {@link HtmlReport}. */
export interface HtmlReportOptions {
  /** A line under the title (e.g. the network and settings). */
  readonly subtitle?: string;
  /** When and by what the report was made, e.g. an ISO date and command line (passed in, so that output is reproducible). */
  readonly generated?: string;
}

/**
 * A self-contained HTML report: one file with inline CSS and inline SVG charts, a table
 * of contents linking to every section, no script and no external URL, so that it opens
 * from disk anywhere. Add sections of blocks (charts in {@link figure}s, tables,
 * paragraphs), then write `toHtml()` to a file (`writeReport` in `@snn/report/node`).
 */
export class HtmlReport {
  private readonly sections: { id: string; title: string; blocks: string[] }[] = [];

  constructor(
    readonly title: string,
    private readonly options: HtmlReportOptions = {},
  ) {}

  /** Number of sections added so far. */
  get sectionCount(): number {
    return this.sections.length;
  }

  /** Add a section titled `title` (escaped) holding `blocks` (markup, in order). Returns the report, for chaining. */
  section(title: string, ...blocks: string[]): this {
    const base = slug(title) || 'section';
    let id = base;
    for (let k = 2; this.sections.some((s) => s.id === id); k++) id = `${base}-${k}`;
    this.sections.push({ id, title, blocks });
    return this;
  }

  /** The whole document, `<!doctype html>` to `</html>`. */
  toHtml(): string {
    const toc = this.sections.map((s) => `<li><a href="#${s.id}">${escapeHtml(s.title)}</a></li>`).join('\n');
    const body = this.sections.map((s) => `<section id="${s.id}">\n<h2>${escapeHtml(s.title)}</h2>\n${s.blocks.join('\n')}\n</section>`).join('\n');
    const { subtitle, generated } = this.options;
    return [
      '<!doctype html>',
      '<html lang="en">',
      '<head>',
      '<meta charset="utf-8">',
      '<meta name="viewport" content="width=device-width, initial-scale=1">',
      `<title>${escapeHtml(this.title)}</title>`,
      `<style>${REPORT_CSS}</style>`,
      '</head>',
      '<body>',
      '<main>',
      '<header>',
      `<h1>${escapeHtml(this.title)}</h1>`,
      subtitle ? `<p class="subtitle">${escapeHtml(subtitle)}</p>` : '',
      generated ? `<p class="generated">${escapeHtml(generated)}</p>` : '',
      '</header>',
      this.sections.length ? `<nav class="toc" aria-label="Contents"><strong>Contents</strong>\n<ol>\n${toc}\n</ol></nav>` : '',
      body,
      '</main>',
      '</body>',
      '</html>',
    ]
      .filter((line) => line !== '')
      .join('\n') + '\n';
  }
}

/** An id for a section title: lower case ASCII letters, digits and dashes. */
function slug(title: string): string {
  return title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
