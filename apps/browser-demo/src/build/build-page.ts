import { copyFileSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { SnnError } from '@snn/ir';
import { loadMnist } from '@snn/mnist/node';
import { HtmlReport } from '@snn/report';
import { DEMO_ASSETS } from '../assets.js';
import { DEMO_SETTINGS } from '../demo-run.js';
import { encodeIdx } from './idx-file.js';

/** Options of {@link buildDemoPage}. */
export interface BuildPageOptions {
  /** The Keras model to show (default: `snn_lenet_avgpool_bias.h5` of the shared fixtures, `$SNN_FIXTURES` or `shared/fixtures/keras` beside the repository). */
  readonly model?: string;
  /** MNIST test digits to bundle (default 16). */
  readonly digits?: number;
}

/** What {@link buildDemoPage} wrote. */
export interface BuiltPage {
  /** The folder to serve, and its page. */
  readonly dir: string;
  readonly index: string;
  /** Size in bytes of each file written, by name. */
  readonly files: Record<string, number>;
}

/** The fixture the demo shows: a LeNet with average pooling and biases (99.10% on MNIST). */
export const DEMO_MODEL = 'snn_lenet_avgpool_bias.h5';

/**
 * Build the demo page into `outDir`: the page script bundled by esbuild (browser platform,
 * ESM, minified) with everything it imports, the Keras model, the first test digits as IDX
 * files, tfjs's WebAssembly binaries (loaded beside the page), and `index.html`.
 */
export async function buildDemoPage(outDir: string, options: BuildPageOptions = {}): Promise<BuiltPage> {
  const dir = resolve(outDir);
  mkdirSync(dir, { recursive: true });
  const here = dirname(fileURLToPath(import.meta.url));
  // src/page/main.ts under vitest, dist/page/main.js once compiled
  const entry = join(here, '..', 'page', `main${extname(fileURLToPath(import.meta.url))}`);
  await build({
    entryPoints: [entry],
    outfile: join(dir, DEMO_ASSETS.script),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    logLevel: 'silent',
  });
  copyFileSync(options.model ?? join(fixtureDir(), DEMO_MODEL), join(dir, DEMO_ASSETS.model));
  const digits = loadMnist('test', options.digits ?? 16);
  const pixels = Uint8Array.from(digits.images, (v) => Math.round(v * 255));
  writeFileSync(join(dir, DEMO_ASSETS.images), encodeIdx([digits.count, 28, 28], pixels));
  writeFileSync(join(dir, DEMO_ASSETS.labels), encodeIdx([digits.count], digits.labels));
  const wasmDir = tfjsWasmDir();
  for (const name of readdirSync(wasmDir).filter((f) => f.endsWith('.wasm'))) copyFileSync(join(wasmDir, name), join(dir, name));
  const index = join(dir, 'index.html');
  writeFileSync(index, pageHtml(digits.count));
  const files = Object.fromEntries(readdirSync(dir).map((name) => [name, statSync(join(dir, name)).size]));
  return { dir, index, files };
}

/** The page: a report shell (its CSS styles the charts drawn later) with a status line, and the script. */
function pageHtml(digits: number): string {
  const { steps, dt } = DEMO_SETTINGS;
  const html = new HtmlReport('snn in the browser: a Keras LeNet as a spiking network', {
    subtitle: `${DEMO_MODEL} read from its bytes, converted by @snn/keras-import and run by @snn/sim on ${digits} MNIST test digits for ${steps} steps of ${dt * 1000} ms, all in this page`,
  })
    .section('Spiking run', '<p id="status">Loading… (this page runs JavaScript and WebAssembly: open it through npm run demo:browser, or serve its folder over HTTP)</p>', '<div id="demo"></div>')
    .toHtml();
  // no favicon request (the page asks for nothing it does not use)
  return html
    .replace('</head>', '<link rel="icon" href="data:,">\n</head>')
    .replace('</body>', `<script type="module" src="${DEMO_ASSETS.script}"></script>\n</body>`);
}

/** `$SNN_FIXTURES`, else the shared Keras fixtures beside the repository. */
function fixtureDir(): string {
  return process.env.SNN_FIXTURES ?? fileURLToPath(new URL('../../../../../shared/fixtures/keras/', import.meta.url));
}

/** tfjs-backend-wasm's `dist` folder (its `.wasm` binaries), as @snn/sim resolves it. */
function tfjsWasmDir(): string {
  const sim = createRequire(import.meta.url).resolve('@snn/sim');
  try {
    return dirname(createRequire(sim).resolve('@tensorflow/tfjs-backend-wasm'));
  } catch (error) {
    throw new SnnError('DEMO_BUILD', `@tensorflow/tfjs-backend-wasm is not installed beside @snn/sim: run npm install`, { cause: error });
  }
}
