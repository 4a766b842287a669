import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../cli.js';
import type { EvaluateSummary } from '../commands/evaluate.js';
import { bufferIo } from '../io.js';
import { referenceLabels, type FixtureModel } from './fixtures.js';

/** What `snn evaluate --mode rate` gives on one fixture, against the fixtures README and labels. */
export interface FixtureCheck {
  readonly id: string;
  /** Accuracy `snn evaluate` measured, in percent. */
  readonly accuracyPercent: number;
  /** Accuracy the README records, in percent. */
  readonly expectedPercent: number;
  readonly images: number;
  /** Images whose predicted digit differs from `<id>.labels.txt`. */
  readonly labelMismatches: number;
  /** Wall-clock seconds of the whole `snn evaluate` call (import, data, simulation). */
  readonly seconds: number;
  readonly summary: EvaluateSummary;
}

/**
 * Run `snn evaluate MODEL --data mnist-test --steps 1 --mode rate --json` in-process on a
 * fixture (the first `limit` images, default all 10,000) and compare its predictions
 * with the fixture's reference labels.
 */
export async function checkFixture(dir: string, model: FixtureModel, options: { readonly limit?: number; readonly workers?: number } = {}): Promise<FixtureCheck> {
  const tmp = mkdtempSync(join(tmpdir(), 'snn-fixture-'));
  try {
    const predictions = join(tmp, `${model.id}.labels.txt`);
    const io = bufferIo();
    const argv = ['evaluate', join(dir, model.file), '--data', 'mnist-test', '--steps', '1', '--mode', 'rate', '--json', '--predictions', predictions];
    if (options.limit !== undefined) argv.push('--limit', String(options.limit));
    if (options.workers !== undefined) argv.push('--workers', String(options.workers));
    const start = performance.now();
    const code = await runCli(argv, io);
    const seconds = (performance.now() - start) / 1000;
    if (code !== 0) throw new Error(`snn ${argv.join(' ')} exited with ${code}: ${io.stderr().trim()}`);
    const lines = io.stdout().trim().split('\n');
    const summary = JSON.parse(lines[lines.length - 1]) as EvaluateSummary;
    const predicted = readFileSync(predictions, 'utf8').trim();
    const labels = referenceLabels(model.id, dir);
    let labelMismatches = 0;
    for (let i = 0; i < predicted.length; i++) if (predicted.charCodeAt(i) - 48 !== labels[i]) labelMismatches++;
    return { id: model.id, accuracyPercent: summary.accuracy * 100, expectedPercent: model.accuracyPercent, images: summary.images, labelMismatches, seconds, summary };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
