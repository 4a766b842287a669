import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GraphBuilder, createRng, encodeSnn, heUniform, scaleFiringRates, setSynapses } from '@snn/ir';
import { emulateClassifier } from '@snn/loihi';
import { loadMnist } from '@snn/mnist/node';
import { initBackend } from '@snn/sim';
import { loihiEmulatorBenchmark } from './loihi-emulator-bench.js';

const tmp = mkdtempSync(join(tmpdir(), 'snn-bench-loihi-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the loihi-emulator benchmark on a network file', () => {
  it('--network FILE --limit N: the emulator accuracy and rates of emulateClassifier, timed on 2 threads', async () => {
    // an untrained 784 -> 32 -> 16 -> 10 Loihi spiking ReLU network: the numbers must equal the direct run's
    const rng = createRng(5);
    const b = new GraphBuilder();
    let h = b.flatten(b.input('image', [28, 28, 1]));
    h = b.neurons(b.dense(h, { id: 'dense0', weights: heUniform([784, 32], 784, rng) }), { id: 'relu0', neuronType: 'LoihiSpikingRectifiedLinear' });
    h = b.neurons(b.dense(h, { id: 'dense1', weights: heUniform([32, 16], 32, rng) }), { id: 'relu1', neuronType: 'LoihiSpikingRectifiedLinear' });
    b.output(b.dense(h, { id: 'dense2', weights: heUniform([16, 10], 16, rng) }), 'out');
    const graph = setSynapses(scaleFiringRates(b.build(), 100), { type: 'lowpass', params: { tau: 0.005 } });
    const file = join(tmp, 'net.snn');
    writeFileSync(file, encodeSnn(graph));
    let table: ReadonlyArray<readonly [string, string]> = [];
    const result = await loihiEmulatorBenchmark.run({ quick: false, flags: { network: file, limit: '120', steps: '10' }, log: () => undefined, progress: () => () => undefined, table: (rows) => (table = rows) });
    await initBackend();
    const test = loadMnist('test', 120);
    const direct = emulateClassifier(graph, test.images, test.labels, { steps: 10 });
    expect(Object.keys(result).slice(0, 4)).toEqual(['seconds', 'images', 'stepsPerImage', 'accuracy']);
    expect(result).toMatchObject({ images: 120, stepsPerImage: 10, accuracy: direct.accuracy, threads: 2, rate_relu0_Hz: direct.firingRateHz.relu0, rate_relu1_Hz: direct.firingRateHz.relu1 });
    expect(result.seconds).toBeGreaterThan(0);
    expect(table.map((r) => r[0])).toEqual(['network', 'images x steps', 'accuracy', 'mean rate (Hz)', 'saturated neurons', 'warnings', 'seconds', 'images / s']);
    expect(table[0]![1]).toBe(`${file}: relu0 on the host, relu1 on chip`);
  }, 120_000);
});
