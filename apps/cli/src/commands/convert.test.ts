import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeSnn, encodeSnn, GraphBuilder, param, type Graph, type NeuronsNode } from '@snn/ir';
import { importKerasFile } from '@snn/keras-import/node';
import { runCli } from '../cli.js';
import { bufferIo } from '../io.js';
import { fixtureDir, fixtureModels } from '../fixture-check/fixtures.js';
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
    const { inputScaling } = (graph.metadata as { conversion: { inputScaling: { scale: number; offset: number } } }).conversion;
    expect(inputScaling.scale).toBeCloseTo(1 / 255, 12);
    expect(inputScaling.offset).toBe(0);
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

  const text = (g: Graph): string => JSON.stringify(g, (_, v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as Float32Array) : v));
  const hasMaxPool = (g: Graph): boolean => g.nodes.some((n) => (n.kind === 'pool' || n.kind === 'globalPool') && n.op === 'max');

  it.each(fixtureModels(fixtures).map((m) => [m.id, m.file] as const))(
    '%s: converting the model with flags = converting its plain .snn network with the same flags (same file, byte for byte)',
    async (id, file) => {
      const model = join(fixtures, file);
      const plain = join(tmp, `${id}.plain.snn`);
      expect((await snn('convert', model, '-o', plain)).code).toBe(0);
      const flags = ['--neuron', 'SpikingRectifiedLinear', '--scale', '50', '--synapse', '0.005', ...(hasMaxPool(decodeSnn(readFileSync(plain))) ? ['--max-to-avg-pool'] : [])];
      const [a, b] = [join(tmp, `${id}.a.snn`), join(tmp, `${id}.b.snn`)];
      const fromModel = await snn('convert', model, ...flags, '-o', a);
      const fromNet = await snn('convert', plain, ...flags, '-o', b);
      expect([fromModel.code, fromNet.code, fromNet.err]).toEqual([0, 0, fromModel.err]);
      expect(text(decodeSnn(readFileSync(b)))).toBe(text(decodeSnn(readFileSync(a))));
      expect(Buffer.compare(readFileSync(a), readFileSync(b))).toBe(0);
      const graph = decodeSnn(readFileSync(a));
      expect(hasMaxPool(graph)).toBe(false);
      const neurons = graph.nodes.filter((n): n is NeuronsNode => n.kind === 'neurons');
      expect(neurons.every((n) => n.neuronType === 'SpikingRectifiedLinear' && n.gain?.data[0] === 50)).toBe(true);
    },
  );

  it('per-layer flags (Keras layer names survive the .snn round trip) and input scaling give the same file too', async () => {
    const model = join(fixtures, 'snn_lenet_avgpool_bias.h5');
    const plain = join(tmp, 'lenet.plain.snn');
    expect((await snn('convert', model, '-o', plain)).code).toBe(0);
    const flags = ['--input-scale', '0.00392156862745098', '--neuron', 'SpikingRectifiedLinear', '--neuron-layer', 'conv2d_3=LIF', '--scale-layer', 'conv2d_1=20', '--scale-layer', 'conv2d_2/activation=5', '--synapse-layer', 'conv2d_2=0.01'];
    const [a, b] = [join(tmp, 'lenet.a.snn'), join(tmp, 'lenet.b.snn')];
    expect((await snn('convert', model, ...flags, '-o', a)).code).toBe(0);
    expect((await snn('convert', plain, ...flags, '-o', b)).code).toBe(0);
    expect(Buffer.compare(readFileSync(a), readFileSync(b))).toBe(0);
    const graph = decodeSnn(readFileSync(a));
    expect(graph.nodes.filter((n): n is NeuronsNode => n.kind === 'neurons').map((n) => [n.id, n.neuronType, n.gain?.data[0] ?? 1])).toEqual([
      ['conv2d_1/activation', 'SpikingRectifiedLinear', 20],
      ['conv2d_2/activation', 'SpikingRectifiedLinear', 5],
      ['conv2d_3/activation', 'LIF', 1],
    ]);
    expect(graph.edges.filter((e) => e.synapse).map((e) => `${e.source}:${e.synapse?.params?.tau}`)).toEqual(['conv2d_2/activation:0.01']);
  });

  it('converts a network built in code (no Keras metadata): names are neurons node ids', async () => {
    const b = new GraphBuilder();
    const h = b.neurons(b.dense(b.input('pixels', [784]), { id: 'hidden', weights: param(new Float32Array(784 * 4).fill(0.01), [784, 4]) }), { id: 'relu', neuronType: 'RectifiedLinear' });
    b.output(b.dense(h, { id: 'readout', weights: param(new Float32Array(40).fill(1), [4, 10]) }), 'digits');
    const net = join(tmp, 'coded.snn');
    writeFileSync(net, encodeSnn(b.build()));
    const out = join(tmp, 'coded-spiking.snn');
    const r = await snn('convert', net, '-o', out, '--neuron', 'SpikingRectifiedLinear', '--scale-layer', 'relu=100', '--synapse', '0.005');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/wrote .*coded-spiking\.snn: 5 nodes, 1 neuron layers \(4 neurons; SpikingRectifiedLinear\)/);
    const relu = decodeSnn(readFileSync(out)).nodes.find((n) => n.id === 'relu') as NeuronsNode;
    expect([relu.neuronType, relu.gain?.data[0], relu.params?.amplitude]).toEqual(['SpikingRectifiedLinear', 100, 0.01]);
    const bad = await snn('convert', net, '-o', join(tmp, 'x.snn'), '--scale-layer', 'dense_1=2');
    expect(bad.code).toBe(1);
    expect(bad.err).toBe("snn: KERAS_BAD_OPTION: option scaleFiringRates names 'dense_1', which is neither a Keras layer nor a node of the graph; neurons nodes: relu\n");
  });
});
