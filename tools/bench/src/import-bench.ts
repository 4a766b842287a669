import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureImport, syntheticKerasModel, type ImportBenchResult } from '@snn/keras-import/testing';
import { readModelFiles } from '@snn/keras-import/node';
import type { Benchmark, BenchContext } from './benchmark.js';

/** Where the shared Keras fixtures are: `$SNN_FIXTURES`, else `shared/fixtures/keras` beside the repository. */
export function kerasFixtureDir(): string {
  return process.env.SNN_FIXTURES ?? fileURLToPath(new URL('../../../../shared/fixtures/keras/', import.meta.url));
}

/**
 * The largest model in the fixture folder (main file plus, for TensorFlow.js, the shard
 * files beside it), or undefined when the folder is missing.
 */
export function largestFixture(dir: string): { readonly path: string; readonly bytes: number } | undefined {
  if (!existsSync(dir)) return undefined;
  const candidates: { path: string; bytes: number }[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      const json = readdirSync(path).find((f) => f.endsWith('.json'));
      if (json) candidates.push({ path: join(path, json), bytes: readdirSync(path).reduce((s, f) => s + statSync(join(path, f)).size, 0) });
    } else if (/\.(h5|hdf5|keras)$/.test(name)) {
      candidates.push({ path, bytes: statSync(path).size });
    }
  }
  return candidates.sort((a, b) => b.bytes - a.bytes)[0];
}

/**
 * Keras import time (`importKeras`: read HDF5/zip/JSON from bytes in memory, convert to a
 * validated IR graph): a seeded ~5 MB Keras 2 HDF5 MLP and the largest real fixture. The
 * first import of a process also starts the HDF5 WebAssembly module; it is reported apart.
 * Target (issue 4): a 5 MB model in under 1 s.
 */
export const importBenchmark: Benchmark = {
  name: 'import',
  description: 'Keras model import (read + convert to IR) of a ~5 MB HDF5 model and the largest fixture; target < 1 s per model',
  async run(ctx: BenchContext) {
    const megabytes = Number(ctx.flags.megabytes ?? 5);
    const runs = Number(ctx.flags.runs ?? (ctx.quick ? 3 : 10));
    const synthetic = await syntheticKerasModel({ megabytes });
    const cold = await measureImport(synthetic, { runs: 1, warmup: 0 });
    const warm = await measureImport(synthetic, { runs, warmup: 1 });
    const rows: [string, string][] = [
      [`synthetic MLP, ${mb(warm.bytes)}, first import (cold JIT)`, seconds(cold)],
      [`synthetic MLP, ${mb(warm.bytes)}, mean of ${runs}`, seconds(warm)],
    ];
    const result: Record<string, number> = { secondsPerModel: warm.secondsPerModel, bytes: warm.bytes, coldSeconds: cold.secondsPerModel };
    const fixture = largestFixture(kerasFixtureDir());
    if (fixture) {
      const input = await readModelFiles(fixture.path);
      const real = await measureImport(input, { runs, warmup: 1 });
      rows.push([`${input.fileName}, ${mb(real.bytes)}, mean of ${runs}`, seconds(real)]);
      result.fixtureSecondsPerModel = real.secondsPerModel;
      result.fixtureBytes = real.bytes;
    } else {
      ctx.log(`no Keras fixtures at ${kerasFixtureDir()}; set SNN_FIXTURES to time a real model too`);
    }
    rows.push(['target', '< 1 s per 5 MB model']);
    ctx.table(rows);
    return result;
  },
};

function mb(bytes: number): string {
  return `${(bytes / 1e6).toFixed(2)} MB`;
}

function seconds(r: ImportBenchResult): string {
  return `${(r.secondsPerModel * 1000).toFixed(1)} ms (${(r.bytes / 1e6 / r.secondsPerModel).toFixed(0)} MB/s)`;
}
