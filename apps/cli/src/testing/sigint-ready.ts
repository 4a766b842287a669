import { spawn } from 'node:child_process';

/**
 * The module tests preload (`node --import SIGINT_WATCH program ...`) to learn the moment a
 * program adds its SIGINT listener: it writes `SigintReady` as a JSON line to file descriptor 3.
 * The built file (tests run the built programs; this resolves from `src` and from `dist`).
 */
export const SIGINT_WATCH = new URL('../../dist/testing/sigint-watch.js', import.meta.url).href;

/** Milliseconds since the process started, and the module files (URLs) it had loaded, when it added its SIGINT listener. */
export interface SigintReady {
  readonly ms: number;
  readonly loaded: readonly string[];
}

/** Start `node main args` with {@link SIGINT_WATCH}; resolves with its report once the program adds its SIGINT listener, then kills it. */
export function untilSigintHandled(main: string, args: readonly string[]): Promise<SigintReady> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', SIGINT_WATCH, main, ...args], { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr!.setEncoding('utf8').on('data', (t: string) => void (err += t));
    child.stdio[3]!.once('data', (d: Buffer) => {
      resolve(JSON.parse(d.toString()) as SigintReady);
      child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('close', (code) => reject(new Error(`${main} ended (${code}) without adding a SIGINT listener: ${err}`)));
  });
}
