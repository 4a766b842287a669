import puppeteer, { type Page } from 'puppeteer-core';
import { chromiumPath } from './chromium-path.js';

/** What the page logged and asked for while it was open. */
export interface PageLog {
  /** Console errors and uncaught page errors. */
  readonly consoleErrors: string[];
  /** URLs of requests that `allow` refused (all blocked, so the page cannot reach the network). */
  readonly externalRequests: string[];
}

/**
 * Launch headless Chromium (Debian's, see {@link chromiumPath}; `--no-sandbox`), open a
 * 1200x900 page that records console errors and blocks (and records) every request for which
 * `allow(url)` is false, run `use` on it, and always close the browser.
 */
export async function withChromiumPage<T>(allow: (url: string) => boolean, use: (page: Page, log: PageLog) => Promise<T>): Promise<T> {
  const browser = await puppeteer.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--mute-audio'],
  });
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1200, height: 900 });
    const log: PageLog = { consoleErrors: [], externalRequests: [] };
    page.on('console', (message) => {
      if (message.type() === 'error') log.consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => log.consoleErrors.push(error instanceof Error ? error.message : String(error)));
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      const url = request.url();
      if (allow(url)) void request.continue();
      else {
        log.externalRequests.push(url);
        void request.abort('blockedbyclient');
      }
    });
    return await use(page, log);
  } finally {
    await browser.close();
  }
}
