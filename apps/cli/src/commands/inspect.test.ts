import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeSnn } from '@snn/ir';
import type { ModelReport } from '@snn/keras-import';
import { kerasToSnnGraph } from '@snn/train';
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

  it('describes an .snn network node by node, with the conversion flags applied and its history', async () => {
    const net = join(tmp, 'k2s.snn');
    writeFileSync(net, encodeSnn({ ...kerasToSnnGraph(0), metadata: { training: { epoch: 2, testAccuracy: 0.9843 } } }));
    const r = await snn('inspect', net, '--neuron', 'IntegrateAndFire', '--scale', '100', '--synapse', '0.005', '--json');
    expect(r.code, r.err).toBe(0);
    const out = r.out;
    expect(out).toMatch(/k2s\.snn: snn network, 8 nodes, 110,988 parameters/);
    expect(out).toMatch(/^ {2}conv0 +conv +26x26x32 +320 +3x3 kernel, 32 filters, strides 1x1, valid padding, bias$/m);
    expect(out).toMatch(/^ {2}conv0_neurons +neurons +26x26x32 +1 +IntegrateAndFire, amplitude 0\.01, gain 100$/m);
    expect(out).toMatch(/^ {2}conv1 +conv +12x12x64 +18,496 +.*; lowpass synapse 5 ms from conv0_neurons$/m);
    expect(out).toMatch(/^neurons: 30,848 IntegrateAndFire$/m);
    expect(out).toMatch(/^trained 2 epochs, test accuracy 98\.43% \(rate mode\)$/m);
    const json = JSON.parse(out.trimEnd().split('\n').pop() as string) as { params: number; neurons: Record<string, number>; nodes: { id: string }[] };
    expect(json.params).toBe(110988);
    expect(json.neurons).toEqual({ IntegrateAndFire: 30848 });
    expect(json.nodes.map((n) => n.id)).toEqual(['image', 'conv0', 'conv0_neurons', 'conv1', 'conv1_neurons', 'flatten', 'dense', 'out']);
  });
});
