/**
 * `@snn/browser-check`: open an snn HTML report in headless Chromium and report what was
 * drawn, for apps' tests (every plot present and non-empty, no console errors, no network).
 *
 * @packageDocumentation
 */

/** Check a report file in Chromium and save a screenshot. */
export { checkReportInChromium, type ReportCheck } from './check-report.js';
/** Open a page served over HTTP, wait for its work, and read its result (for apps that run in a browser). */
export { runPageInChromium, type RunPageOptions, type PageRun } from './run-page.js';
/** A chart as the browser laid it out. */
export type { PlotInfo } from './page-survey.js';
/** The Chromium binary used (CHROMIUM_PATH or Debian's /usr/bin/chromium). */
export { chromiumPath, DEFAULT_CHROMIUM } from './chromium-path.js';
