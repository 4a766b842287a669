// The demo page's script (bundled by esbuild into app.js): fetch the model and the digits
// beside the page, run them as in Node, draw the results, and leave them on window.snnDemo.
import { SnnError } from '@snn/ir';
import { mnistFromIdx } from '@snn/mnist';
import { DEMO_ASSETS, type PageResult } from '../assets.js';
import { runDemo } from '../demo-run.js';
import { renderDemo } from './render.js';

async function fetchBytes(name: string): Promise<Uint8Array> {
  const response = await fetch(name);
  if (!response.ok) throw new SnnError('DEMO_FETCH', `could not fetch ${name} (${response.status}): serve the page's folder over HTTP (npm run demo:browser)`);
  return new Uint8Array(await response.arrayBuffer());
}

async function main(): Promise<void> {
  const status = document.getElementById('status')!;
  const started = performance.now();
  try {
    status.textContent = 'Loading the model and the digits…';
    const [model, images, labels] = await Promise.all([fetchBytes(DEMO_ASSETS.model), fetchBytes(DEMO_ASSETS.images), fetchBytes(DEMO_ASSETS.labels)]);
    const digits = mnistFromIdx(images, labels);
    status.textContent = `Converting the model and running ${digits.count} digits…`;
    const run = await runDemo({ bytes: model, fileName: DEMO_ASSETS.model }, digits);
    const pageMs = performance.now() - started;
    document.getElementById('demo')!.innerHTML = renderDemo(run, digits, pageMs);
    status.textContent = `Done in ${(pageMs / 1000).toFixed(2)} s, all in this browser.`;
    const result: PageResult = {
      labels: run.labels,
      predicted: run.predicted,
      output: Array.from(run.output),
      raster: Array.from(run.raster),
      rasterLayer: run.rasterLayer,
      firingRateHz: run.firingRateHz,
      importMs: run.importMs,
      runMs: run.runMs,
      pageMs,
      crossOriginIsolated: typeof SharedArrayBuffer === 'function',
    };
    (window as unknown as { snnDemo: PageResult }).snnDemo = result;
    document.body.dataset.status = 'done';
  } catch (error) {
    status.textContent = `Failed: ${error instanceof Error ? error.message : String(error)}`;
    document.body.dataset.status = 'failed';
    console.error(error);
  }
}

void main();
