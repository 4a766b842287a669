import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ModelReport } from '@snn/keras-import';
import { runCli } from '../cli.js';
import { bufferIo } from '../io.js';
import { fixtureDir } from '../fixture-check/fixtures.js';

const fixtures = fixtureDir();
const tmp = mkdtempSync(join(tmpdir(), 'snn-inspect-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function snn(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = bufferIo();
  const code = await runCli(argv, io);
  return { code, out: io.stdout(), err: io.stderr() };
}

describe('snn inspect', () => {
  it('prints each layer with class, IR shape (channels-last), parameters and whether it converts', async () => {
    const r = await snn('inspect', join(fixtures, 'snn_lenet5_channels_first_k224.h5'));
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const lines = r.out.split('\n');
    expect(lines[0]).toMatch(/snn_lenet5_channels_first_k224\.h5: keras2-hdf5, written by Keras 2\.2\.4, 9 layers, 212,906 parameters$/);
    const row = (name: string): string[] => (lines.find((l) => l.startsWith(`  ${name} `)) ?? '').trim().split(/\s{2,}/);
    // conv 5x5x1x6 + 6 biases; channels-first 1x28x28 input, channels-last IR shapes
    expect(row('conv2d_1')).toEqual(['conv2d_1', 'Conv2D', '24x24x6', '156', 'yes']);
    expect(row('dropout_1')).toEqual(['dropout_1', 'Dropout', '-', '0', 'yes']);
    expect(row('flatten_1')).toEqual(['flatten_1', 'Flatten', '1920', '0', 'yes']);
    expect(row('dense_1')).toEqual(['dense_1', 'Dense', '84', '161,364', 'yes']);
    expect(r.out.trimEnd().endsWith('the model converts')).toBe(true);
  });

  it('marks a layer that does not convert, with the reason, and still exits 0', async () => {
    // the TF.js model with its second convolution replaced by a class snn has no converter for
    const dir = join(fixtures, 'tensorspace_lenet_tfjs075');
    const model = JSON.parse(readFileSync(join(dir, 'mnist.json'), 'utf8')) as { modelTopology: { config: { layers: { class_name: string; name: string }[] } } };
    const target = model.modelTopology.config.layers.find((l) => l.name === 'conv2d_Conv2D2');
    if (target === undefined) throw new Error('fixture changed: no layer conv2d_Conv2D2');
    target.class_name = 'LocallyConnected2D';
    writeFileSync(join(tmp, 'mnist.json'), JSON.stringify(model));
    writeFileSync(join(tmp, 'mnist.weights.bin'), readFileSync(join(dir, 'mnist.weights.bin')));
    const r = await snn('inspect', join(tmp, 'mnist.json'), '--json');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^ {2}conv2d_Conv2D2 +LocallyConnected2D +- +2,416 +no \(no converter for Keras class 'LocallyConnected2D'\)$/m);
    expect(r.out).toMatch(/^ {2}conv2d_Conv2D1 +Conv2D +- +156 +yes$/m);
    expect(r.out).toMatch(/^the model does not convert: KERAS_UNSUPPORTED_LAYER: .*'LocallyConnected2D' has no registered converter\. Supported classes: .*Conv2D/m);
    const report = JSON.parse(r.out.trimEnd().split('\n').pop() as string) as ModelReport;
    expect(report.error?.code).toBe('KERAS_UNSUPPORTED_LAYER');
    expect(report.layers.filter((l) => !l.converts).map((l) => l.name)).toEqual(['conv2d_Conv2D2']);
  });
});
