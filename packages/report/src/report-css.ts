/** The report's inline style sheet: system font, readable width, zebra tables, a responsive figure grid. */
export const REPORT_CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif; color: #222; background: #fafafa; }
main { max-width: 1100px; margin: 0 auto; padding: 24px 20px 64px; background: #fff; }
h1 { font-size: 1.8em; margin: 0.2em 0; }
h2 { font-size: 1.35em; margin: 1.8em 0 0.6em; padding-bottom: 0.2em; border-bottom: 1px solid #ddd; }
.subtitle { color: #555; margin: 0; }
.generated { color: #777; font-size: 0.85em; }
nav.toc { background: #f4f6f8; border: 1px solid #e1e4e8; border-radius: 6px; padding: 8px 16px; margin: 16px 0; }
nav.toc ol { margin: 4px 0; padding-left: 1.4em; columns: 2 260px; }
nav.toc a { color: #0b5cad; text-decoration: none; }
nav.toc a:hover { text-decoration: underline; }
.figure-row { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 440px), 1fr)); gap: 16px; align-items: start; }
figure { margin: 12px 0; }
figure svg { display: block; max-width: 100%; height: auto; }
figcaption { color: #555; font-size: 0.9em; margin-top: 4px; }
.table-wrap { overflow-x: auto; margin: 12px 0; }
table { border-collapse: collapse; font-size: 0.92em; }
th, td { padding: 4px 12px; text-align: left; border-bottom: 1px solid #e5e5e5; white-space: nowrap; }
th { background: #f0f2f4; font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tbody tr:nth-child(even) { background: #f8f9fa; }
tbody tr.highlight { background: #fff4d6; font-weight: 600; }
`;
