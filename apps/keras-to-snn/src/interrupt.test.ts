import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { untilSigintHandled } from '@snn/cli/sigint-ready';

/* Ctrl-C (SIGINT) during the walkthrough (issue 22): exit code 130, one line, no report and no temporary file in --out. */
const main = fileURLToPath(new URL('../dist/main.js', import.meta.url));

describe('keras-to-snn: Ctrl-C', () => {
  it('stops during training with exit code 130 and one line, writing nothing to --out', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'k2s-sigint-'));
    const out = join(tmp, 'out');
    const child = spawn(process.execPath, [main, '--quick', '--limit', '200', '--train-limit', '3000', '--workers', '1', '--retrain', '--out', out, '--cache', join(tmp, 'cache')], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    let sentAt = Number.NaN;
    child.stdout.setEncoding('utf8').on('data', (t: string) => {
      // the banner is printed when the data is loaded, before the first training
      if (Number.isNaN(sentAt) && t.includes('output in')) {
        sentAt = performance.now();
        setTimeout(() => child.kill('SIGINT'), 300);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (t: string) => void (err += t));
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(code, err).toBe(130);
    expect(err.split('\n').filter((l) => l.includes('interrupted'))).toEqual(['keras-to-snn: interrupted (Ctrl-C); stopped, files already written are whole, nothing else was written']);
    expect(performance.now() - sentAt).toBeLessThan(15_000);
    expect(existsSync(join(out, 'report.html'))).toBe(false);
    if (existsSync(out)) expect(readdirSync(out).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    rmSync(tmp, { recursive: true, force: true });
  }, 120_000);
});

describe('keras-to-snn: Ctrl-C right from the start', () => {
  it('handles Ctrl-C before it loads anything else (commander, @snn/ir, the walkthrough)', async () => {
    const ready = await untilSigintHandled(main, ['--help']);
    expect(ready.loaded.map((u) => u.replace(/^.*\/apps\//, ''))).toEqual(['keras-to-snn/dist/main.js', 'cli/dist/interrupt.js']);
  });
});
