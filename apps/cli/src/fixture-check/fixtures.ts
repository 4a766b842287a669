import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SnnError } from '@snn/ir';
import { loadMnist } from '@snn/mnist/node';

/**
 * The shared Keras fixture folder: `$SNN_FIXTURES`, else `shared/fixtures/keras`
 * beside the repository root (true at /work/main and in a fresh clone next to shared/).
 */
export function fixtureDir(): string {
  const dir = process.env.SNN_FIXTURES ?? fileURLToPath(new URL('../../../../../shared/fixtures/keras/', import.meta.url));
  if (!existsSync(join(dir, 'README.md'))) {
    throw new SnnError('CLI_FIXTURES', `no Keras fixtures at ${dir} (README.md missing); put shared/fixtures/keras beside the repository or set SNN_FIXTURES`, { where: dir });
  }
  return dir;
}

/** One row of the fixtures README's table. */
export interface FixtureModel {
  /** Reference file stem (`reference/<id>.first20.json`). */
  readonly id: string;
  /** Main model file, relative to the fixture folder. */
  readonly file: string;
  /** Input shape the README gives (Keras order). */
  readonly inputShape: readonly number[];
  /** Accuracy on the 10k MNIST test set the README gives, in percent. */
  readonly accuracyPercent: number;
}

/** The models listed in the fixtures README, with the accuracy it records for each. */
export function fixtureModels(dir: string = fixtureDir()): FixtureModel[] {
  const rows = readFileSync(join(dir, 'README.md'), 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('| `'));
  return rows.map((line) => {
    const cells = line.split('|').map((c) => c.trim());
    // | file | written by | input shape | input scaling | accuracy | source | license |
    const file = (/^`([^`\s]+)/.exec(cells[1]) ?? [])[1] ?? '';
    const id = file.includes('/') ? file.split('/')[0] : file.replace(/\.[^.]+$/, '');
    const inputShape = JSON.parse(cells[3]) as number[];
    const accuracyPercent = Number(cells[5]);
    if (file === '' || !Number.isFinite(accuracyPercent)) throw new SnnError('CLI_FIXTURES', `cannot read the fixtures README row '${line}'`);
    return { id, file, inputShape, accuracyPercent };
  });
}

/** `reference/<id>.first20.json`: Keras's outputs on test images 0..19 (float64 forward pass). */
export interface First20 {
  readonly input_shape: number[];
  /** Final outputs (after softmax). */
  readonly outputs: number[][];
  /** Pre-softmax values. */
  readonly logits: number[][];
  readonly predicted: number[];
  readonly test_labels: number[];
}

/** The first-20 reference of a fixture. */
export function first20(id: string, dir: string = fixtureDir()): First20 {
  return JSON.parse(readFileSync(join(dir, 'reference', `${id}.first20.json`), 'utf8')) as First20;
}

/** `reference/<id>.labels.txt`: Keras's predicted digit per test image. */
export function referenceLabels(id: string, dir: string = fixtureDir()): Uint8Array {
  const text = readFileSync(join(dir, 'reference', `${id}.labels.txt`), 'utf8').trim();
  return Uint8Array.from(text, (ch) => ch.charCodeAt(0) - 48);
}

/** Accuracy Keras itself has on the first `n` MNIST test images: its predicted labels (`referenceLabels`) against the true ones. */
export function kerasAccuracy(id: string, n: number, dir: string = fixtureDir()): number {
  const predicted = referenceLabels(id, dir);
  const truth = loadMnist('test', n).labels;
  let correct = 0;
  for (let i = 0; i < n; i++) if (predicted[i] === truth[i]) correct++;
  return correct / n;
}
