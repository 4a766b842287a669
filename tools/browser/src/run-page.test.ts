import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { runPageInChromium } from './index.js';

// pages served from 127.0.0.1: one that computes a value (and tries to reach the network), one that never finishes
const PAGES: Record<string, string> = {
  '/done.html':
    '<!doctype html><title>done</title><link rel="icon" href="data:,"><img src="http://example.invalid/x.png"><img src="/same-origin.png">' +
    '<script>setTimeout(() => { window.result = { sum: [1, 2, 3].reduce((a, b) => a + b) }; document.body.dataset.status = "done"; }, 50)</script>',
  '/stuck.html': '<!doctype html><title>stuck</title><link rel="icon" href="data:,"><script>console.error("model failed")</script>',
};

describe('runPageInChromium', () => {
  let server: Server;
  let base: string;
  const requested: string[] = [];
  beforeAll(async () => {
    server = createServer((request, response) => {
      requested.push(request.url ?? '');
      const page = PAGES[request.url ?? ''];
      response.writeHead(page ? 200 : 404, { 'Content-Type': 'text/html' }).end(page ?? '');
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  it('waits for the page, reads its value, lets same-origin requests through and blocks the rest', async () => {
    const run = await runPageInChromium<{ sum: number }>(`${base}/done.html`, { waitFor: 'document.body.dataset.status === "done"', read: 'window.result' });
    expect(run.value).toEqual({ sum: 6 });
    expect(run.externalRequests).toEqual(['http://example.invalid/x.png']);
    expect(requested).toContain('/same-origin.png');
    expect(run.consoleErrors.some((e) => e.includes('404'))).toBe(true);
    expect(run.elapsedMs).toBeGreaterThan(0);
  });

  it('names the condition, the time and the console errors when the page does not finish', async () => {
    await expect(runPageInChromium(`${base}/stuck.html`, { waitFor: 'window.result !== undefined', read: 'window.result', timeoutMs: 500 })).rejects.toThrow(
      /'window.result !== undefined' did not hold within 500 ms; console errors: model failed/,
    );
  });
});
