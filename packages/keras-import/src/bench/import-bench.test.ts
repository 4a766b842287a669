import { describe, expect, it } from 'vitest';
import { importKeras } from '../import-keras.js';
import { fixtureInput } from '../test-support/fixtures.js';
import { measureImport } from './import-bench.js';
import { syntheticKerasModel } from './synthetic-model.js';

describe('import benchmark helpers', () => {
  it('measureImport reports seconds per model and the bytes imported (the time itself is the benchmark, not asserted)', async () => {
    const r = await measureImport(fixtureInput('deepconcolic_small_k240.h5'), { runs: 2 });
    expect(r.runs).toBe(2);
    expect(r.bytes).toBe(2768664);
    expect(r.secondsPerModel).toBeGreaterThan(0);
  });

  it('syntheticKerasModel writes a ~5 MB Keras 2 file that imports as a 784-h-h-10 MLP', async () => {
    const input = await syntheticKerasModel({ megabytes: 5 });
    expect(input.bytes.length).toBeGreaterThan(4.9e6);
    expect(input.bytes.length).toBeLessThan(5.2e6);
    const { graph } = await importKeras(input);
    const dense = graph.nodes.filter((n) => n.kind === 'dense');
    expect(dense.map((n) => (n.kind === 'dense' ? n.weights.shape : []))).toEqual([[784, 789], [789, 789], [789, 10]]);
  });
});
