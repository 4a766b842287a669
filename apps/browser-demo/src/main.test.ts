import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const main = fileURLToPath(new URL('../dist/main.js', import.meta.url));

/** Run the built `npm run demo:browser` program with `args`: its exit code and stderr. */
function demo(args: string[]): Promise<{ code: number; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [main, ...args], { timeout: 120_000 }, (error, _stdout, stderr) => done({ code: error ? ((error as { code?: number }).code ?? -1) : 0, stderr }));
  });
}

describe('demo:browser exit codes and --verbose', () => {
  let busy: Server;
  let port = 0;
  beforeAll(async () => {
    busy = createServer();
    await new Promise<void>((listening) => busy.listen(0, '127.0.0.1', listening));
    port = (busy.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((closed) => busy.close(() => closed())));

  it('bad usage exits 2 with the message and the help', async () => {
    const r = await demo(['--port', 'abc']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^demo:browser: --port must be an integer from 0 to 65535; got 'abc'/);
  });

  it('a failed run (port in use) exits 1 with one line; --verbose adds the stack trace', async () => {
    const plain = await demo(['--port', String(port)]);
    expect(plain.code).toBe(1);
    expect(plain.stderr).toBe(`demo:browser: port ${port} is in use: pass --port N (0 = any free port)\n`);
    const verbose = await demo(['--port', String(port), '--verbose']);
    expect(verbose.code).toBe(1);
    expect(verbose.stderr.startsWith(plain.stderr.trimEnd())).toBe(true);
    expect(verbose.stderr).toMatch(/\n\s+at /);
  }, 120_000);
});
