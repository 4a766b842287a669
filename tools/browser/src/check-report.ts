import { pathToFileURL } from 'node:url';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { withChromiumPage } from './chromium-page.js';
import { surveyPage, type PlotInfo } from './page-survey.js';

/** What {@link checkReportInChromium} saw. */
export interface ReportCheck {
  /** Every `svg[data-plot]` in document order. */
  readonly plots: PlotInfo[];
  /** Number of `<section>` elements. */
  readonly sections: number;
  /** Console errors and uncaught page errors. */
  readonly consoleErrors: string[];
  /** URLs of requests that were not file: or data: (all blocked, so the page cannot reach the network). */
  readonly externalRequests: string[];
}

/**
 * Open the HTML file at `htmlPath` in headless Chromium (Debian's, `CHROMIUM_PATH` or
 * /usr/bin/chromium, `--no-sandbox`), blocking and recording every request that is not a
 * file: or data: URL; wait for load; collect each chart (`svg[data-plot]`) with its size,
 * `data-marks` and the elements actually drawn; save a full-page PNG to `screenshotPath` (its folder is created).
 * The browser is always closed. Throws BROWSER_NOT_FOUND (fix: run
 * tools/scripts/install-chromium.sh) when Chromium is missing.
 */
export async function checkReportInChromium(htmlPath: string, screenshotPath: string): Promise<ReportCheck> {
  const local = (url: string) => url.startsWith('file:') || url.startsWith('data:');
  return withChromiumPage(local, async (page, log) => {
    await page.goto(pathToFileURL(resolve(htmlPath)).href, { waitUntil: 'load' });
    const { plots, sections } = await page.evaluate(surveyPage);
    mkdirSync(dirname(resolve(screenshotPath)), { recursive: true });
    await page.screenshot({ path: resolve(screenshotPath) as `${string}.png`, fullPage: true });
    return { plots, sections, ...log };
  });
}
