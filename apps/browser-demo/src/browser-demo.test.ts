import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runPageInChromium, type PageRun } from '@snn/browser-check';
import { mnistFromIdx } from '@snn/mnist';
import { DEMO_ASSETS, type PageResult } from './assets.js';
import { buildDemoPage, type BuiltPage } from './build/build-page.js';
import { runDemo, type DemoRun } from './demo-run.js';
import { serveFolder, type StaticServer } from './serve/static-server.js';

// beside the test (gitignored), so that a person can open what was checked
const OUT = fileURLToPath(new URL('../test-output/page/', import.meta.url));
const SCREENSHOT = fileURLToPath(new URL('../test-output/page.png', import.meta.url));

/** Serve the built page (cross-origin isolated or not) and run it in headless Chromium. */
async function openDemo(dir: string, isolate: boolean, screenshotPath?: string): Promise<PageRun<PageResult | null>> {
  const server: StaticServer = await serveFolder(dir, { isolate });
  try {
    return await runPageInChromium<PageResult | null>(server.url, {
      waitFor: 'document.body.dataset.status !== undefined',
      read: 'window.snnDemo ?? null',
      ...(screenshotPath ? { screenshotPath } : {}),
    });
  } finally {
    await server.close();
  }
}

/** The page's numbers against Node's: same predictions, outputs to float32 rounding, same spikes. */
function expectSameRun(browser: PageResult, node: DemoRun): void {
  expect(browser.labels).toEqual(node.labels);
  expect(browser.predicted).toEqual(node.predicted);
  expect(browser.output.length).toBe(node.output.length);
  let worst = 0;
  browser.output.forEach((v, i) => (worst = Math.max(worst, Math.abs(v - node.output[i]))));
  expect(worst).toBeLessThanOrEqual(1e-5);
  expect(browser.rasterLayer).toBe(node.rasterLayer);
  expect(browser.raster).toEqual(Array.from(node.raster));
  for (const [id, hz] of Object.entries(node.firingRateHz)) expect(browser.firingRateHz[id], id).toBeCloseTo(hz, 3);
}

describe('the browser demo', () => {
  let built: BuiltPage;
  let isolated: PageRun<PageResult | null>;
  let plain: PageRun<PageResult | null>;
  let node: DemoRun;

  beforeAll(async () => {
    built = await buildDemoPage(OUT);
    isolated = await openDemo(built.dir, true, SCREENSHOT);
    plain = await openDemo(built.dir, false);
    // the same files through the same code in Node
    const read = (name: string) => new Uint8Array(readFileSync(join(built.dir, name)));
    node = await runDemo({ bytes: read(DEMO_ASSETS.model), fileName: DEMO_ASSETS.model }, mnistFromIdx(read(DEMO_ASSETS.images), read(DEMO_ASSETS.labels)));
  }, 240_000); // a bundle, two Chromium runs and a Node run: seconds alone, much more on a loaded machine

  it('runs in Chromium with no errors and no requests beyond its own folder', () => {
    for (const page of [isolated, plain]) {
      expect(page.consoleErrors).toEqual([]);
      expect(page.externalRequests).toEqual([]);
      expect(page.value).not.toBeNull();
    }
    expect(isolated.value!.crossOriginIsolated).toBe(true);
    expect(plain.value!.crossOriginIsolated).toBe(false);
    const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    const line = (name: string, p: PageResult) => `${name}: page ${s(p.pageMs)} (import ${s(p.importMs)}, run ${s(p.runMs)})`;
    console.log(
      `browser demo: bundle ${(built.files[DEMO_ASSETS.script] / 1e6).toFixed(2)} MB; ${line('isolated', isolated.value!)}; ${line('not isolated', plain.value!)}; ` +
        `Node: import ${s(node.importMs)}, run ${s(node.runMs)}`,
    );
  });

  it('predicts the digits the Node run predicts, with the same output values and spikes (threads and WebAssembly neuron kernels)', () => {
    expectSameRun(isolated.value!, node);
    // a 99.1% network: the spiking version gets nearly all of 16 digits after 30 steps
    expect(node.predicted.filter((p, i) => p === node.labels[i]).length).toBeGreaterThanOrEqual(node.count - 1);
  });

  it('gives the same run on a page without SharedArrayBuffer (one thread, JS neuron kernels)', () => {
    expectSameRun(plain.value!, node);
  });

  it('draws the digits, the output over time and a spike raster', () => {
    expect(isolated.plots.map((p) => p.kind)).toEqual(['image', 'line', 'raster']);
    for (const p of isolated.plots) {
      expect(p.width, p.title).toBeGreaterThan(50);
      expect(p.marks, p.title).toBeGreaterThan(0);
      expect(p.drawn, p.title).toBeGreaterThan(0);
    }
    expect(isolated.plots[2].marks).toBe(isolated.value!.raster.filter((c) => c > 0).length);
  });
});
