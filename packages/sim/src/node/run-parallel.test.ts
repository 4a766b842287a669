import { beforeAll, describe, expect, it } from 'vitest';
import { createRng, GraphBuilder, heNormal, isSnnError, scalar } from '@snn/ir';
import { loadMnist } from '@snn/mnist/node';
import { compile } from '../compile.js';
import { initBackend } from '../backend/init.js';
import { registries } from '../test-support/fixtures.js';
import { runParallel, SimWorkerPool } from './run-parallel.js';

beforeAll(async () => {
  await initBackend();
});

describe('runParallel (samples split across worker threads)', () => {
  it('equals a single-threaded run: probes, spikes, rates and SynOps', async () => {
    const rng = createRng(2);
    const b = new GraphBuilder();
    let h = b.conv(b.input('image', [28, 28, 1]), { kernel: heNormal([5, 5, 1, 6], 25, rng), strides: [2, 2] });
    h = b.neurons(h, { id: 'lif', neuronType: 'LIF', gain: scalar(4), bias: scalar(0.8) });
    h = b.dense(b.flatten(h), { weights: heNormal([864, 10], 864, rng), synapse: { type: 'lowpass', params: { tau: 0.01 } } });
    b.output(h, 'out');
    const graph = b.build();
    const images = loadMnist('test', 30).images;
    const options = { ...registries(), batchSize: 8, propagation: 'event' as const, seed: 9 };
    const probes = { out: { node: 'out', keep: 'all' as const } };
    const single = compile(graph, options).run({ image: images }, { nSteps: 25, probes });
    let progress = 0;
    const parallel = await runParallel(graph, options, { image: images }, { nSteps: 25, probes, onProgress: (d) => (progress = d) }, { workers: 2 });
    expect(parallel.probes.out.shape).toEqual([30, 25, 10]);
    expect(Array.from(parallel.probes.out.data)).toEqual(Array.from(single.probes.out.data));
    expect(parallel.stats.lif.spikes).toBe(single.stats.lif.spikes);
    expect(parallel.synops).toBe(single.synops);
    expect(parallel.stats.lif.firingRateHz).toBeCloseTo(single.stats.lif.firingRateHz, 6);
    expect(progress).toBe(30);
  });

  it('reports a worker failure as an SnnError', async () => {
    const b = new GraphBuilder();
    b.output(b.neurons(b.input('x', [4]), { neuronType: 'LIF' }), 'y');
    const graph = b.build();
    const data = new Float32Array(400 * 4);
    await expect(
      runParallel(graph, { ...registries(), batchSize: 100 }, { x: data }, { nSteps: 2 }, { workers: 2, registryModule: 'data:text/javascript,export const createRegistries = () => { throw new Error("no registry here") }' }),
    ).rejects.toThrow(/worker [12]\/2 failed on samples (0-99, 200-299|100-199, 300-399) of 400: no registry here/);
  });

  it('reports a worker that exits mid-run as an SnnError naming its samples, not a hang', async () => {
    const b = new GraphBuilder();
    b.output(b.neurons(b.input('x', [4]), { neuronType: 'LIF' }), 'y');
    const graph = b.build();
    const data = new Float32Array(300 * 4);
    // the module the workers load for their registries ends the worker thread: process.exit in a worker stops that thread only
    const registryModule = 'data:text/javascript,process.exit(7)';
    const run = runParallel(graph, { ...registries(), batchSize: 100 }, { x: data }, { nSteps: 2 }, { workers: 2, registryModule });
    await expect(run).rejects.toSatisfy((e: unknown) => isSnnError(e, 'SIM_WORKER') && /worker [12]\/2 stopped \(exit code 7\) while simulating samples (0-99, 200-299|100-199) of 300/.test((e as Error).message));
  }, 20_000); // a hang fails here instead of stalling the suite
});

describe('SimWorkerPool', () => {
  it('serves several runs with the same workers and matches single-threaded runs', async () => {
    const b = new GraphBuilder();
    const p = b.neurons(b.input('x', [64]), { id: 'pop', neuronType: 'SpikingRectifiedLinear', gain: scalar(300) });
    b.output(b.dense(p, { weights: heNormal([64, 3], 64, createRng(1)), synapse: { type: 'alpha', params: { tau: 0.005 } } }), 'y');
    const graph = b.build();
    const data = createRng(4).fillUniform(new Float32Array(50 * 64), 0, 1);
    const options = { ...registries(), batchSize: 10, propagation: 'dense' as const };
    const pool = new SimWorkerPool({ workers: 2 });
    try {
      for (const nSteps of [5, 12]) {
        const got = await pool.run(graph, options, { x: data }, { nSteps });
        const want = compile(graph, options).run({ x: data }, { nSteps });
        expect(Array.from(got.probes.y.data)).toEqual(Array.from(want.probes.y.data));
        expect(got.stats.pop.spikes).toBe(want.stats.pop.spikes);
      }
    } finally {
      await pool.close();
    }
  });

  it('a worker that dies fails its run naming the samples, and every later run at once', async () => {
    const b = new GraphBuilder();
    b.output(b.neurons(b.input('x', [4]), { neuronType: 'LIF' }), 'y');
    const graph = b.build();
    const pool = new SimWorkerPool({ workers: 2, registryModule: 'data:text/javascript,export const createRegistries = () => process.exit(3)' });
    try {
      const options = { ...registries(), batchSize: 10 };
      await expect(pool.run(graph, options, { x: new Float32Array(40 * 4) }, { nSteps: 3 })).rejects.toThrow(/worker [12]\/2 stopped \(exit code 3\) while simulating samples (0-9, 20-29|10-19, 30-39) of 40/);
      await expect(pool.run(graph, options, { x: new Float32Array(40 * 4) }, { nSteps: 3 })).rejects.toThrow(/worker [12]\/2 of this pool stopped \(exit code 3\); start a new SimWorkerPool/);
    } finally {
      await pool.close();
    }
  }, 20_000);
});
