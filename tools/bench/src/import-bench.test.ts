import { describe, expect, it } from 'vitest';
import { importBenchmark, kerasFixtureDir, largestFixture } from './import-bench.js';

describe('the import benchmark', () => {
  it('picks the largest real fixture (TensorFlow.js models counted with their shards)', () => {
    const largest = largestFixture(kerasFixtureDir());
    expect(largest?.path.endsWith('deepconcolic_small_k240.h5')).toBe(true);
    expect(largest?.bytes).toBe(2768664);
  });

  it('returns secondsPerModel for a ~5 MB model plus the fixture numbers, and prints a table', async () => {
    const lines: string[] = [];
    let table: ReadonlyArray<readonly [string, string]> = [];
    const result = await importBenchmark.run({ quick: true, flags: { runs: '1' }, log: (l) => lines.push(l), progress: () => () => undefined, table: (rows) => (table = rows) });
    expect(Object.keys(result)[0]).toBe('secondsPerModel');
    expect(result.secondsPerModel).toBeGreaterThan(0);
    expect(Math.abs(result.bytes - 5e6) / 5e6).toBeLessThan(0.05);
    expect(result.fixtureBytes).toBe(2768664);
    expect(table.map((r) => r[0])).toEqual([
      expect.stringMatching(/^synthetic MLP, 5\.\d\d MB, first import \(cold JIT\)$/),
      expect.stringMatching(/^synthetic MLP, 5\.\d\d MB, mean of 1$/),
      'deepconcolic_small_k240.h5, 2.77 MB, mean of 1',
      'target',
    ]);
    expect(lines).toEqual([]);
  });
});
