import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeSnn, encodeSnn, type Graph, type Param } from '@snn/ir';
import { kerasToSnnGraph } from '@snn/train';
import { fixtureDir, kerasAccuracy } from '../fixture-check/fixtures.js';
import { runCli } from '../cli.js';
import { bufferIo } from '../io.js';
import { lastJsonLine, runSnn as snn } from '../testing/run-snn.js';
import type { TrainSummary } from '../train-report.js';
import type { EvaluateSummary } from './evaluate.js';

const fixtures = fixtureDir();
const tmp = mkdtempSync(join(tmpdir(), 'snn-train-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** 2,000 training images, one epoch, 1,000 test images: a few seconds on two cores. */
const short = ['--limit', '2000', '--epochs', '1', '--test-limit', '1000', '--seed', '1'];

const load = (path: string): Graph => decodeSnn(readFileSync(path));
const params = (graph: Graph): Float32Array[] => graph.nodes.flatMap((n) => Object.values(n).filter((v): v is Param => (v as Param)?.data instanceof Float32Array).map((p) => p.data));

async function rateEvaluation(net: string, images: number): Promise<EvaluateSummary> {
  const r = await snn('evaluate', net, '--data', 'mnist-test', '--limit', String(images), '--steps', '1', '--mode', 'rate', '--json', '--workers', '1');
  expect(r.code).toBe(0);
  return lastJsonLine<EvaluateSummary>(r.out);
}

describe('snn train', () => {
  it('keras-to-snn, 1 epoch on 2,000 images: well above chance, and the written network evaluates to the reported accuracy', async () => {
    const out = join(tmp, 'k2s.snn');
    const r = await snn('train', 'keras-to-snn', ...short, '-o', out, '--json');
    expect(r.code).toBe(0);
    const json = lastJsonLine<TrainSummary>(r.out);
    expect(Object.keys(json).slice(0, 3)).toEqual(['epochs', 'testAccuracy', 'output']);
    expect(json.epochs).toHaveLength(1);
    expect(Object.keys(json.epochs[0])).toEqual(['epoch', 'loss', 'trainAccuracy', 'testAccuracy', 'seconds', 'imagesPerSecond']);
    // measured 78.8% (seed 1, two threads, repeats exactly; seeds 1-3: 78.8-80.6%) after 10 Adam steps; chance is 10%.
    // Pinned within 3 binomial standard errors on 1000 images, 3 * sqrt(0.788 * 0.212 / 1000) = 0.039, both sides
    expect(Math.abs(json.testAccuracy - 0.788)).toBeLessThan(3 * Math.sqrt((0.788 * 0.212) / 1000));
    expect(json).toMatchObject({ output: out, model: 'keras-to-snn', startEpoch: 0, trainImages: 2000, testImages: 1000, optimizer: 'adam', learningRate: 0.001, batch: 200, seed: 1 });
    expect(json.epochs[0].imagesPerSecond).toBeCloseTo(2000 / json.epochs[0].seconds, 0);
    // people read: one line per epoch on stderr, the table and the file on stdout
    expect(r.err).toMatch(/^epoch 1\/1: loss \d\.\d{4}, train accuracy [\d.]+%, test accuracy [\d.]+% \(1,000 images, rate mode\); [\d.]+ s, [\d,]+ images\/s\n$/);
    expect(r.out).toMatch(/^ +1 +\d\.\d{4} +[\d.]+% +[\d.]+% +[\d.]+ +[\d,]+$/m);
    expect(r.out).toContain(`test accuracy: ${(100 * json.testAccuracy).toFixed(2)}% on 1,000 images of mnist-test (rate mode)`);
    expect(r.out).toMatch(/wrote .*k2s\.snn: the network after epoch 1 \(neuron types: RectifiedLinear\), [\d,]+ bytes\n/);
    const graph = load(out);
    expect(graph.metadata?.training).toMatchObject({ epoch: 1, testAccuracy: json.testAccuracy });
    expect((graph.metadata?.training as Record<string, unknown>).optimizer).toBeUndefined(); // the network, not the optimizer state
    expect((await rateEvaluation(out, 1000)).accuracy).toBe(json.testAccuracy);
    expect(readdirSync(tmp)).toEqual(['k2s.snn']); // no temporary file left behind
  });

  it('draws a progress bar with loss and images/s on a terminal, redrawn per batch, each epoch on its own line', async () => {
    const base = bufferIo();
    const tty = { out: base.out, err: base.err, errIsTTY: true };
    const code = await runCli(['train', 'keras-to-snn', '--limit', '400', '--batch', '100', '--epochs', '2', '--test-limit', '100', '-o', join(tmp, 'tty.snn')], tty);
    expect(code).toBe(0);
    const err = base.stderr();
    // 4 batches per epoch: \r-redrawn lines, the last of each epoch ended, then the epoch's summary line
    expect(err.match(/\repoch 1\/2 \[[#.]{30}\] [1-4]\/4 loss \d\.\d{4} \d+ images\/s [\d.]+s/g)).toHaveLength(4);
    expect(err).toMatch(/\repoch 2\/2 \[#{30}\] 4\/4 loss [\d.]+ \d+ images\/s [\d.]+s\nepoch 2\/2: loss /);
    rmSync(join(tmp, 'tty.snn'));
  });

  it('--resume continues from a checkpoint: epoch counter, parameters and Adam state, ending where the uninterrupted run ends', async () => {
    const short = ['--limit', '1000', '--test-limit', '200', '--seed', '1'];
    const ckpt = join(tmp, 'ckpt.snn');
    const first = await snn('train', 'keras-to-snn', ...short, '--epochs', '1', '--checkpoint', ckpt, '-o', join(tmp, 'e1.snn'));
    expect(first.code).toBe(0);
    expect(first.err).toMatch(/; checkpoint .*ckpt\.snn\n$/);
    const saved = load(ckpt);
    expect(saved.metadata?.training).toMatchObject({ epoch: 1, optimizer: { spec: { type: 'adam', learningRate: 0.001 } } });
    // the checkpoint holds the parameters the run ended with
    expect(params(saved)).toEqual(params(load(join(tmp, 'e1.snn'))));
    const resumed = await snn('train', '--resume', ckpt, ...short, '--epochs', '2', '-o', join(tmp, 'resumed.snn'), '--json');
    expect(resumed.code).toBe(0);
    const json = lastJsonLine<TrainSummary>(resumed.out);
    expect(json.startEpoch).toBe(1);
    expect(json.epochs.map((e) => e.epoch)).toEqual([2]);
    expect(resumed.out).toMatch(/resumed after epoch 1/);
    const straight = await snn('train', 'keras-to-snn', ...short, '--epochs', '2', '-o', join(tmp, 'straight.snn'), '--json');
    const two = lastJsonLine<TrainSummary>(straight.out);
    expect(json.epochs[0].loss).toBe(two.epochs[1].loss);
    expect(params(load(join(tmp, 'resumed.snn')))).toEqual(params(load(join(tmp, 'straight.snn'))));
    // asked to reach an epoch the checkpoint already has: bad usage
    const done = await snn('train', '--resume', ckpt, '--epochs', '1', '-o', join(tmp, 'x.snn'));
    expect(done.code).toBe(2);
    expect(done.err).toMatch(/^snn: --resume .*ckpt\.snn has 1 epoch done already; --epochs 1 leaves none to run; give --epochs 2 or more\n$/);
    // another optimizer: the parameters resume, its moments start fresh (said on stderr)
    const other = await snn('train', '--resume', ckpt, ...short, '--epochs', '2', '--optimizer', 'sgd', '-o', join(tmp, 'sgd.snn'));
    expect(other.code).toBe(0);
    expect(other.err).toMatch(/warning: .*ckpt\.snn was trained with adam; sgd starts with fresh moments/);
  });

  it('firing-rate regularization lowers the rate of the regularized layer relative to the same run without it', async () => {
    const plain = join(tmp, 'plain.snn');
    const regularized = join(tmp, 'regularized.snn');
    expect((await snn('train', 'keras-to-snn', ...short, '-o', plain)).code).toBe(0);
    const r = await snn('train', 'keras-to-snn', ...short, '--rate-target', '0', '--rate-weight', '10', '--rate-layer', 'conv1_neurons', '-o', regularized, '--json');
    expect(r.code).toBe(0);
    expect(lastJsonLine<TrainSummary>(r.out).rateRegularization).toEqual({ targetHz: 0, weight: 10, layers: ['conv1_neurons'] });
    expect(r.out).toContain('firing-rate regularization: target 0 Hz, weight 10, on conv1_neurons');
    const before = (await rateEvaluation(plain, 1000)).rates;
    const after = (await rateEvaluation(regularized, 1000)).rates;
    // measured: 0.182 Hz -> 0.054 Hz
    expect(after.conv1_neurons).toBeLessThan(0.5 * before.conv1_neurons);
  });

  it('trains a Keras model and a --neuron swap is kept in the written network', async () => {
    const out = join(tmp, 'mlp.snn');
    const r = await snn('train', join(fixtures, 'deepconcolic_tecs_mlp1_k224.h5'), '--limit', '1000', '--test-limit', '500', '--neuron', 'RectifiedLinear=SpikingRectifiedLinear', '--rate-target', '100', '--rate-layer', 'dense_1', '-o', out, '--json');
    expect(r.code).toBe(0);
    const json = lastJsonLine<TrainSummary>(r.out);
    expect(json.rateRegularization?.layers).toEqual(['dense_1/activation']);
    // Fine-tuning keeps the Keras model's accuracy on the same 500 test images (0.98) within 3
    // binomial standard errors of an accuracy on 500 images, 3 * sqrt(0.98 * 0.02 / 500) = 0.019
    // (measured 0.982).
    const keras = kerasAccuracy('deepconcolic_tecs_mlp1_k224', 500);
    expect(json.testAccuracy).toBeGreaterThan(keras - 3 * Math.sqrt((keras * (1 - keras)) / 500));
    const types = load(out).nodes.flatMap((n) => (n.kind === 'neurons' ? [n.neuronType] : []));
    expect(types).toEqual(['SpikingRectifiedLinear', 'SpikingRectifiedLinear', 'SpikingRectifiedLinear']);
  });
});

describe('snn train: errors name the flag, layer or file; nothing is written', () => {
  const out = join(tmp, 'never.snn');
  const network = (name: string, graph: Graph): string => {
    const path = join(tmp, name);
    writeFileSync(path, encodeSnn(graph));
    return path;
  };
  const failed = async (code: number, pattern: RegExp, ...argv: string[]): Promise<void> => {
    const r = await snn('train', ...argv, '-o', out);
    expect(r.err).toMatch(pattern);
    expect(r.code).toBe(code);
    expect(r.out).toBe('');
    expect(existsSync(out)).toBe(false);
  };

  it('a model with no trainable parameters', async () => {
    const frozen = kerasToSnnGraph(0);
    const path = network('frozen.snn', { ...frozen, nodes: frozen.nodes.map((n) => ({ ...n, trainable: false })) });
    await failed(1, /^snn: TRAIN_NOTHING_TRAINABLE: every node with parameters is frozen \(trainable: false: conv0, conv1, dense\): nothing to train; set trainable to true/, path);
  });

  it('a model with layers converted for inference only', async () => {
    const path = network('inference.snn', { ...kerasToSnnGraph(0), metadata: { inferenceOnly: [{ layer: 'batch_normalization', reason: 'trainable BatchNormalization folded with its moving statistics' }] } });
    await failed(1, /^snn: TRAIN_INFERENCE_ONLY: .*layer 'batch_normalization': trainable BatchNormalization folded with its moving statistics.*Retrain the model in Keras/, path);
  });

  it('--rate-layer naming an unknown layer or a non-neuron node', async () => {
    await failed(1, /^snn: TRAIN_UNKNOWN_NODE: --rate-layer 'conv9' is neither a node nor a Keras layer of the model; neuron nodes: conv0_neurons, conv1_neurons\n$/, 'keras-to-snn', '--rate-target', '250', '--rate-layer', 'conv9');
    await failed(1, /^snn: TRAIN_NOT_NEURONS: --rate-layer 'conv0' is a conv node, not a neuron layer/, 'keras-to-snn', '--rate-target', '250', '--rate-layer', 'conv0');
    await failed(1, /^snn: TRAIN_NOT_NEURONS: --rate-layer 'flatten_1' is a reshape node, not a neuron layer.*Keras layers with neurons: dense_1, dense_2, dense_3\n$/, join(fixtures, 'deepconcolic_tecs_mlp1_k224.h5'), '--rate-target', '250', '--rate-layer', 'flatten_1');
  });

  it('--neuron with an unknown type, or a type the model does not have', async () => {
    await failed(2, /^snn: --neuron 'RectifiedLinear=Spiky': give a neuron type \(.*LIF.*\) or FROM=TO/, 'keras-to-snn', '--neuron', 'RectifiedLinear=Spiky');
    await failed(2, /^snn: --neuron 'Relu=LIF': Relu is not a neuron type; types: /, 'keras-to-snn', '--neuron', 'Relu=LIF');
    await failed(2, /^snn: --neuron 'Tanh=LIF': the model has no Tanh neurons; its neuron types: RectifiedLinear\n$/, 'keras-to-snn', '--neuron', 'Tanh=LIF');
  });

  it('bad numbers and flags that need others', async () => {
    await failed(2, /^snn: option '--lr <X>' argument '-1' is invalid\. expected a number > 0, got '-1'\n$/, 'keras-to-snn', '--lr', '-1');
    await failed(2, /^snn: option '--epochs <E>' argument '0' is invalid/, 'keras-to-snn', '--epochs', '0');
    await failed(2, /^snn: option '--rate-target <HZ>' argument '-5' is invalid\. expected a number >= 0/, 'keras-to-snn', '--rate-target', '-5');
    await failed(2, /^snn: option '--optimizer <NAME>' argument 'lbfgs' is invalid\. Allowed choices are adam, rmsprop, sgd\.\n$/, 'keras-to-snn', '--optimizer', 'lbfgs');
    await failed(2, /^snn: --rate-weight needs --rate-target HZ/, 'keras-to-snn', '--rate-weight', '0.1');
    await failed(2, /^snn: --rate-layer needs --rate-target HZ/, 'keras-to-snn', '--rate-layer', 'conv0_neurons');
    await failed(2, /^snn: --batch 200 is more than the 100 training images of --limit; give --batch 100 or less\n$/, 'keras-to-snn', '--limit', '100');
    await failed(2, /^snn: give MODEL \(a Keras model, an \.snn network or keras-to-snn\), or --resume FILE/);
  });

  it('a missing model file, and an output folder that does not exist (found before training)', async () => {
    await failed(1, /^snn: CLI_FILE: model file .*nothing\.h5 does not exist; give a Keras model \(\.h5, \.keras, model\.json\), an \.snn or \.nir network, or a built-in network \(keras-to-snn\)\n$/, join(tmp, 'nothing.h5'));
    const r = await snn('train', 'keras-to-snn', '--checkpoint', join(tmp, 'no', 'such', 'ckpt.snn'), '-o', out);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^snn: CLI_WRITE: --checkpoint .*ckpt\.snn: the folder .*such does not exist; create it or choose another path\n$/);
  });

  it('--quantize-steps trains QCFS layers whose thresholds start at a percentile and train; calibrate then uses them', async () => {
    const out = join(tmp, 'q4.snn');
    const r = await snn('train', 'keras-to-snn', ...short, '--quantize-steps', '4', '--quantize-images', '300', '-o', out, '--json');
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(/^snn: QCFS with 4 levels on 2 ReLU layers, thresholds from the p99\.9 activation on 300 training images \(trained from there\):\n {2}conv0_neurons: threshold [\d.]+\n {2}conv1_neurons: threshold [\d.]+\n/);
    const initial = [...r.err.matchAll(/threshold ([\d.]+)\n/g)].map((m) => Number(m[1]));
    const qcfs = load(out).nodes.filter((n) => n.kind === 'neurons');
    expect(qcfs.map((n) => [n.kind === 'neurons' && n.neuronType, n.kind === 'neurons' && n.params?.levels])).toEqual([['QCFS', 4], ['QCFS', 4]]);
    const trained = qcfs.map((n) => (n.kind === 'neurons' ? n.params!.threshold : NaN));
    trained.forEach((t, i) => {
      expect(t).not.toBe(initial[i]); // the thresholds trained ...
      expect(Math.abs(t - initial[i]) / initial[i]).toBeLessThan(0.2); // ... from where they started
    });
    // measured 79.3% (seed 1, two threads, repeats exactly), pinned within 3 binomial standard errors
    // on 1000 images, 3 * sqrt(0.793 * 0.207 / 1000) = 0.038, both sides
    expect(Math.abs(lastJsonLine<TrainSummary>(r.out).testAccuracy - 0.793)).toBeLessThan(3 * Math.sqrt((0.793 * 0.207) / 1000));
    const c = await snn('convert', out, '--calibrate', '--calibration-images', '100', '-o', join(tmp, 'q4-spiking.snn'));
    expect(c.code, c.err).toBe(0);
    expect(c.out).toMatch(/conv0_neurons\s+QCFS -> IntegrateAndFire\s+[\d.]+\s+[\d.]+\s+[\d.]+\s+QCFS threshold/);
  });
});
