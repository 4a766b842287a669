import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fixtureDir, kerasAccuracy } from './fixture-check/fixtures.js';

/*
 * The built `snn` binary as a user runs it: a real process, its exit code and output.
 * Needs `npm run build -w apps/cli` first (nx runs it before this package's tests).
 */
const bin = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const fixtures = fixtureDir();

function snn(...argv: string[]): { code: number | null; out: string; err: string } {
  if (!existsSync(bin)) throw new Error(`${bin} is missing; build the CLI first: npm run build -w apps/cli`);
  const r = spawnSync(process.execPath, [bin, ...argv], { encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('the snn binary', () => {
  it('--help: exit 0', () => {
    const r = snn('--help');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Usage: snn \[options\] \[command\]/);
  });

  it('bad usage: exit 2, one line on stderr', () => {
    const r = snn('evaluate', 'x.h5', '--data', 'mnist-test', '--steps', '-3');
    expect(r.code).toBe(2);
    expect(r.err).toBe("snn: option '--steps <T>' argument '-3' is invalid. expected a whole number >= 1, got '-3'\n");
  });

  it('a failed run: exit 1, the error code and message, no stack trace', () => {
    const r = snn('inspect', join(fixtures, 'reference', 'moonflower_cnn_k311.labels.txt'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^snn: KERAS_UNKNOWN_FORMAT: moonflower_cnn_k311\.labels\.txt: not a model file[^\n]*\n$/);
  });

  it('evaluate --json: exit 0 and the last stdout line is the JSON summary', () => {
    const r = snn('evaluate', join(fixtures, 'tensorspace_lenet_tfjs075', 'mnist.json'), '--data', 'mnist-test', '--limit', '100', '--steps', '1', '--mode', 'rate', '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out.trimEnd().split('\n').pop() as string) as { accuracy: number; images: number; steps: number; rates: Record<string, number>; synops: number };
    expect(json.images).toBe(100);
    expect(json.steps).toBe(1);
    // rate mode is the Keras model's forward pass: Keras's own accuracy on these 100 images
    expect(json.accuracy).toBe(kerasAccuracy('tensorspace_lenet_tfjs075', 100));
    expect(Object.keys(json.rates)).toEqual(['conv2d_Conv2D1/activation', 'conv2d_Conv2D2/activation', 'dense_Dense1/activation', 'dense_Dense2/activation']);
  });

  it('train --json: exit 0 (the training threads do not keep the process alive) and the file is written', () => {
    const dir = mkdtempSync(join(tmpdir(), 'snn-bin-train-'));
    try {
      const out = join(dir, 'net.snn');
      const r = snn('train', 'keras-to-snn', '--limit', '400', '--test-limit', '100', '--json', '-o', out);
      expect(r.code).toBe(0);
      expect((JSON.parse(r.out.trimEnd().split('\n').pop() as string) as { testImages: number }).testImages).toBe(100);
      expect(existsSync(out)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
