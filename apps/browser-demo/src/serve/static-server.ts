import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

/** A running {@link serveFolder}. */
export interface StaticServer {
  /** `http://127.0.0.1:PORT/`. */
  readonly url: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
};

/**
 * Serve the files of `dir` (GET and HEAD, nothing outside it) on 127.0.0.1 at `port` (0 = any
 * free port). With `isolate` (default), responses are cross-origin isolated (COOP
 * same-origin, COEP require-corp), so that pages get SharedArrayBuffer: WebAssembly threads
 * and shared memory, as in Node; without, pages run single-threaded on the JS neuron kernels.
 */
export async function serveFolder(dir: string, options: { port?: number; isolate?: boolean } = {}): Promise<StaticServer> {
  const root = normalize(dir + sep);
  const isolation = options.isolate === false ? {} : { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };
  const server = createServer((request, response) => {
    const headers = { ...isolation, 'Cache-Control': 'no-store' };
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    if ((request.method !== 'GET' && request.method !== 'HEAD') || !file.startsWith(root)) {
      response.writeHead(405, headers).end();
      return;
    }
    readFile(file).then(
      (body) => response.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(request.method === 'HEAD' ? undefined : body),
      () => response.writeHead(404, headers).end(`${path} not found`),
    );
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', done);
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}/`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
