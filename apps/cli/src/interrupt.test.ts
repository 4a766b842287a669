import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createRng, decodeSnn } from '@snn/ir';
import { fixtureDir } from './fixture-check/fixtures.js';
import { INTERRUPTED_EXIT } from './interrupt.js';

/*
 * Ctrl-C (SIGINT) stops `snn` cleanly (issue 22): exit code 130, one line on stderr, no partial
 * output (an output file is whole or absent; no temporary file). Runs the built binary.
 */
const bin = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const lenet = join(fixtureDir(), 'snn_lenet5_channels_first_k224.h5');
const LINE = 'snn: interrupted (Ctrl-C); stopped, files already written are whole, nothing else was written\n';

interface Stopped {
  readonly code: number | null;
  readonly signal: string | null;
  readonly err: string;
  /** Milliseconds from SIGINT to exit. */
  readonly afterSigint: number;
}

/**
 * True once process `pid` catches SIGINT (Linux: bit 2 of SigCgt in /proc/PID/status). Node
 * itself starts in about 0.1 s without a handler; a Ctrl-C then ends it by the signal, before
 * any of snn runs or writes.
 */
function catchesSigint(pid: number): boolean {
  try {
    const hex = /SigCgt:\s*([0-9a-f]+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? '0';
    return (BigInt(`0x${hex}`) & 2n) !== 0n;
  } catch {
    return false;
  }
}

/** Run `snn args` in `cwd`; send SIGINT `when` ms after it catches SIGINT, or `after` ms after stderr matches `when`. */
function interrupt(args: readonly string[], cwd: string, when: number | RegExp, after = 0): Promise<Stopped> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    let sentAt = Number.NaN;
    const send = (): void => {
      if (Number.isNaN(sentAt)) {
        sentAt = performance.now();
        child.kill('SIGINT');
      }
    };
    child.stderr.setEncoding('utf8').on('data', (t: string) => {
      err += t;
      if (when instanceof RegExp && timer === undefined && when.test(err)) timer = setTimeout(send, after);
    });
    let timer: NodeJS.Timeout | undefined;
    const armed = setInterval(() => {
      if (!catchesSigint(child.pid!)) return;
      clearInterval(armed);
      if (typeof when === 'number') timer = setTimeout(send, when);
    }, 2);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearInterval(armed);
      clearTimeout(timer);
      resolve({ code, signal, err, afterSigint: performance.now() - sentAt });
    });
  });
}

const temps = (dir: string): string[] => readdirSync(dir).filter((n) => n.endsWith('.tmp'));

describe.sequential('Ctrl-C stops cleanly (issue 22)', () => {
  it('snn convert: exit 130 and one line with no output file, or (if it came after the write) a whole file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sigint-convert-'));
    const rng = createRng(130);
    let stopped = 0;
    for (let i = 0; i < 6; i++) {
      rmSync(join(dir, 'out.snn'), { force: true });
      const r = await interrupt(['convert', lenet, '-o', 'out.snn'], dir, rng.next() * 700);
      expect(temps(dir)).toEqual([]);
      if (r.code === 0 || r.signal === 'SIGINT') {
        // finished; or ended by the signal itself, which only happens while Node shuts down
        // after the run (its handlers are gone then): either way the file is whole
        decodeSnn(readFileSync(join(dir, 'out.snn')), { source: 'out.snn' });
        continue;
      }
      expect(r.code, r.err).toBe(INTERRUPTED_EXIT);
      expect(r.err).toBe(LINE);
      expect(existsSync(join(dir, 'out.snn'))).toBe(false);
      stopped++;
    }
    expect(stopped).toBeGreaterThan(0);
    rmSync(dir, { recursive: true, force: true });
  }, 120_000);

  it('snn train: Ctrl-C in the middle of an epoch stops within a second, exit 130, the checkpoint whole, no --output file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sigint-train-'));
    // an epoch of 4,000 images takes seconds; Ctrl-C 0.5 s into the second one
    const r = await interrupt(['train', 'keras-to-snn', '--epochs', '20', '--limit', '4000', '--test-limit', '100', '--batch', '50', '--checkpoint', 'ck.snn', '-o', 'net.snn'], dir, /epoch 1\/20/, 500);
    expect(r.code, r.err).toBe(INTERRUPTED_EXIT);
    expect(r.err.endsWith(LINE)).toBe(true);
    expect(r.err).not.toMatch(/epoch 2\/20/);
    expect(r.err.split('\n').filter((l) => l.includes('interrupted'))).toHaveLength(1);
    console.log(`snn train stopped ${Math.round(r.afterSigint)} ms after SIGINT`);
    expect(r.afterSigint).toBeLessThan(1500);
    expect(existsSync(join(dir, 'net.snn'))).toBe(false);
    decodeSnn(readFileSync(join(dir, 'ck.snn')), { source: 'ck.snn' });
    expect(temps(dir)).toEqual([]);
    rmSync(dir, { recursive: true, force: true });
  }, 120_000);

  it('snn evaluate: Ctrl-C during the simulation stops it (its workers too), exit 130, no --predictions file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sigint-evaluate-'));
    const r = await interrupt(['evaluate', lenet, '--data', 'mnist-test', '--steps', '200', '--neuron', 'SpikingRectifiedLinear', '--predictions', 'p.txt'], dir, 2500);
    expect(r.code, r.err).toBe(INTERRUPTED_EXIT);
    expect(r.err).toBe(LINE);
    console.log(`snn evaluate stopped ${Math.round(r.afterSigint)} ms after SIGINT`);
    expect(r.afterSigint).toBeLessThan(1500);
    expect(readdirSync(dir)).toEqual([]);
    rmSync(dir, { recursive: true, force: true });
  }, 120_000);
});
