import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeSnn } from '@snn/ir';
import { importKerasFile } from '@snn/keras-import/node';
import { runCli } from '../cli.js';
import { bufferIo } from '../io.js';
import { fixtureDir } from '../fixture-check/fixtures.js';
import type { EvaluateSummary } from './evaluate.js';

const fixtures = fixtureDir();
const tmp = mkdtempSync(join(tmpdir(), 'snn-convert-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function snn(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = bufferIo();
  const code = await runCli(argv, io);
  return { code, out: io.stdout(), err: io.stderr() };
}

const lastJson = (out: string): EvaluateSummary => JSON.parse(out.trimEnd().split('\n').pop() as string) as EvaluateSummary;

describe('snn convert', () => {
  it('writes an .snn file that decodeSnn loads into the graph the importer builds', async () => {
    const model = join(fixtures, 'moonflower_cnn_k311.keras');
    const net = join(tmp, 'moonflower.snn');
    const r = await snn('convert', model, '-o', net);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/^wrote .*moonflower\.snn: \d+ nodes, 2 neuron layers \(29,376 neurons; RectifiedLinear\), [\d,]+ bytes\n$/);
    const graph = decodeSnn(readFileSync(net));
    const { graph: direct } = await importKerasFile(model);
    expect(graph.nodes.map((n) => [n.id, n.kind])).toEqual(direct.nodes.map((n) => [n.id, n.kind]));
    expect(graph.edges).toEqual(direct.edges);
    expect(readdirSync(tmp)).toEqual(['moonflower.snn']); // the temporary file was renamed, not left behind
  });

  it('applies the conversion flags: neuron swap, per-layer scale, synapse, input scaling', async () => {
    const net = join(tmp, 'spiking.snn');
    const r = await snn(
      'convert', join(fixtures, 'snn_lenet_avgpool_bias.h5'), '-o', net,
      '--neuron', 'SpikingRectifiedLinear', '--scale-layer', 'conv2d_1=20', '--scale-layer', 'conv2d_2=5', '--synapse', '0.005', '--input-scale', '0.00392156862745098',
    );
    expect(r.code).toBe(0);
    const graph = decodeSnn(readFileSync(net));
    const neurons = graph.nodes.filter((n) => n.kind === 'neurons');
    expect(neurons.map((n) => (n.kind === 'neurons' ? n.neuronType : ''))).toEqual(['SpikingRectifiedLinear', 'SpikingRectifiedLinear', 'SpikingRectifiedLinear']);
    const gain = (id: string): number => {
      const n = graph.nodes.find((x) => x.id === id);
      return n?.kind === 'neurons' && n.gain ? n.gain.data[0] : 1;
    };
    expect([gain('conv2d_1/activation'), gain('conv2d_2/activation'), gain('conv2d_3/activation')]).toEqual([20, 5, 1]);
    const fromNeurons = graph.edges.filter((e) => neurons.some((n) => n.id === e.source));
    expect(fromNeurons.length).toBeGreaterThan(0);
    for (const e of fromNeurons) expect(e.synapse).toEqual({ type: 'lowpass', params: { tau: 0.005 } });
    const inputs = (graph.metadata as { inputs: { scale: number; offset: number }[] }).inputs;
    expect(inputs[0].scale).toBeCloseTo(1 / 255, 12);
    expect(inputs[0].offset).toBe(0);
  });

  it('a converted network evaluates to the accuracy and predictions of the model it came from', async () => {
    const model = join(fixtures, 'tensorspace_lenet_tfjs075', 'mnist.json');
    const net = join(tmp, 'tensorspace.snn');
    expect((await snn('convert', model, '-o', net)).code).toBe(0);
    const args = ['--data', 'mnist-test', '--limit', '500', '--steps', '1', '--mode', 'rate', '--json'];
    // two worker threads for one, the calling thread for the other: the split must not change results
    const fromModel = await snn('evaluate', model, ...args, '--workers', '2', '--batch-size', '100', '--predictions', join(tmp, 'model.txt'));
    const fromNet = await snn('evaluate', net, ...args, '--workers', '1', '--predictions', join(tmp, 'net.txt'));
    expect(fromModel.code).toBe(0);
    expect(fromNet.code).toBe(0);
    expect(lastJson(fromNet.out).accuracy).toBe(lastJson(fromModel.out).accuracy);
    // rates are merged from the workers' sample-weighted means: equal up to float64 rounding
    const rates = lastJson(fromModel.out).rates;
    expect(Object.keys(lastJson(fromNet.out).rates)).toEqual(Object.keys(rates));
    for (const [id, hz] of Object.entries(lastJson(fromNet.out).rates)) expect(Math.abs(hz - rates[id])).toBeLessThan(1e-12 * rates[id]);
    expect(readFileSync(join(tmp, 'net.txt'), 'utf8')).toBe(readFileSync(join(tmp, 'model.txt'), 'utf8'));
    expect(fromNet.out).toMatch(/tensorspace\.snn \(snn\): 500 images of mnist-test, rate mode/);
  });
});
