import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { SnnError } from '@snn/ir';
import { withChromiumPage } from './chromium-page.js';
import { surveyPage, type PlotInfo } from './page-survey.js';

/** Options of {@link runPageInChromium}. */
export interface RunPageOptions {
  /** A JavaScript expression evaluated in the page until it is truthy, e.g. `document.body.dataset.status !== undefined`. */
  readonly waitFor: string;
  /** A JavaScript expression whose (JSON-serializable) value is returned once `waitFor` holds, e.g. `window.result`. */
  readonly read: string;
  /** Longest wait for `waitFor` (ms, default 120,000). */
  readonly timeoutMs?: number;
  /** Where to save a full-page PNG once done (its folder is created); none if absent. */
  readonly screenshotPath?: string;
}

/** What {@link runPageInChromium} saw. */
export interface PageRun<T> {
  /** The value of `read`. */
  readonly value: T;
  /** Every `svg[data-plot]` in document order, and the number of `<section>`s. */
  readonly plots: PlotInfo[];
  readonly sections: number;
  /** Console errors and uncaught page errors. */
  readonly consoleErrors: string[];
  /** Requests to anywhere but the page's own origin (or data:/blob: URLs), all blocked. */
  readonly externalRequests: string[];
  /** Milliseconds from navigation to `waitFor` holding. */
  readonly elapsedMs: number;
}

/**
 * Open the page at `url` (typically a local server, http://127.0.0.1:PORT/) in headless
 * Chromium, allowing requests only to its own origin and data:/blob: URLs; wait until
 * `waitFor` holds, then return the value of `read` with the page's charts, console errors
 * and blocked requests. Throws BROWSER_PAGE_TIMEOUT (with the console errors seen) when
 * `waitFor` does not hold in time, BROWSER_NOT_FOUND when Chromium is missing.
 */
export async function runPageInChromium<T>(url: string, options: RunPageOptions): Promise<PageRun<T>> {
  const origin = new URL(url).origin;
  const allowed = (request: string) => request.startsWith('data:') || request.startsWith('blob:') || new URL(request).origin === origin;
  const timeout = options.timeoutMs ?? 120_000;
  return withChromiumPage(allowed, async (page, log) => {
    const started = performance.now();
    await page.goto(url, { waitUntil: 'load' });
    try {
      await page.waitForFunction(options.waitFor, { timeout, polling: 100 });
    } catch (error) {
      throw new SnnError(
        'BROWSER_PAGE_TIMEOUT',
        `${url}: '${options.waitFor}' did not hold within ${timeout} ms; console errors: ${log.consoleErrors.join(' | ') || 'none'}`,
        { where: url, cause: error },
      );
    }
    const elapsedMs = performance.now() - started;
    const value = (await page.evaluate(options.read)) as T;
    const { plots, sections } = await page.evaluate(surveyPage);
    if (options.screenshotPath !== undefined) {
      mkdirSync(dirname(resolve(options.screenshotPath)), { recursive: true });
      await page.screenshot({ path: resolve(options.screenshotPath) as `${string}.png`, fullPage: true });
    }
    return { value, plots, sections, ...log, elapsedMs };
  });
}
