// npm run demo:browser: build the demo page into dist/web, then serve it on 127.0.0.1 and
// print its URL (or, with --no-serve, only print where it is).
import { parseArgs } from 'node:util';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isSnnError, SnnError } from '@snn/ir';
import { DEMO_ASSETS } from './assets.js';
import { buildDemoPage } from './build/build-page.js';
import { serveFolder } from './serve/static-server.js';

const HELP = `Usage: npm run demo:browser -- [--port N] [--no-serve]

Build the browser demo (a Keras LeNet imported from its bytes, converted to a spiking
network and run on MNIST digits, all in the page) into apps/browser-demo/dist/web, then
serve that folder on http://127.0.0.1:PORT/ until Ctrl-C.

Options:
  --port N     port to serve on (default 8021; 0 = any free port)
  --no-serve   only build, and print the folder (serve it with any HTTP server)
  --verbose    on a failure, also print the stack trace (as $SNN_VERBOSE=1 does)
  -h, --help   show this help`;

async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: { port: { type: 'string' }, 'no-serve': { type: 'boolean' }, verbose: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } }));
  } catch (error) {
    console.error(`demo:browser: ${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const port = values.port === undefined ? 8021 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`demo:browser: --port must be an integer from 0 to 65535; got '${values.port}'`);
    return 2;
  }
  const out = fileURLToPath(new URL('../dist/web/', import.meta.url));
  console.log('Building the demo page (esbuild)…');
  const built = await buildDemoPage(out);
  const mb = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;
  const total = Object.values(built.files).reduce((a, b) => a + b, 0);
  console.log(`Built ${relative(process.cwd(), built.index) || built.index}: script ${mb(built.files[DEMO_ASSETS.script])}, ${Object.keys(built.files).length} files, ${mb(total)} in all`);
  if (values['no-serve']) {
    console.log(`Serve ${built.dir} over HTTP and open its index.html (browsers do not fetch files from file:// pages).`);
    return 0;
  }
  const server = await serveFolder(built.dir, { port }).catch((error: unknown) => {
    const inUse = (error as { code?: string }).code === 'EADDRINUSE';
    throw new SnnError('DEMO_SERVE', inUse ? `port ${port} is in use: pass --port N (0 = any free port)` : `could not serve ${built.dir}: ${(error as Error).message}`, { cause: error });
  });
  console.log(`Open ${server.url} in a browser (Ctrl-C to stop).`);
  await new Promise<void>((done) => {
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
  await server.close();
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    const verbose = process.argv.includes('--verbose') || process.env.SNN_VERBOSE;
    console.error(`demo:browser: ${isSnnError(error) ? error.message : error instanceof Error ? error.message : String(error)}${verbose && error instanceof Error ? `\n${error.stack}` : ''}`);
    process.exitCode = 1;
  },
);
