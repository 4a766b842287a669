#!/usr/bin/env node
import { simBenchmark } from './sim-bench.js';
import { importBenchmark } from './import-bench.js';
import { trainBenchmark } from './train-bench.js';
import { loihiEmulatorBenchmark } from './loihi-emulator-bench.js';
import type { Benchmark, BenchContext } from './benchmark.js';
import { createProgress, formatTable } from '@snn/report';

const benchmarks: readonly Benchmark[] = [simBenchmark, importBenchmark, trainBenchmark, loihiEmulatorBenchmark];

const usage = `Usage: npm run bench -- NAME [--json] [--quick] [--FLAG VALUE ...]

Runs benchmark NAME from tools/bench. Prints a summary table; with --json the last line
printed is one JSON object with the measured numbers.

Benchmarks:
${benchmarks.map((b) => `  ${b.name.padEnd(8)} ${b.description}`).join('\n')}
`;

async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h') || argv.length === 0) {
    process.stdout.write(usage);
    return argv.length === 0 ? 2 : 0;
  }
  const name = argv[0];
  const bench = benchmarks.find((b) => b.name === name);
  if (!bench) {
    process.stderr.write(`unknown benchmark '${name}'; choose one of: ${benchmarks.map((b) => b.name).join(', ')}\n`);
    return 2;
  }
  const json = argv.includes('--json');
  const flags: Record<string, string> = {};
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--') && a !== '--json' && a !== '--quick') flags[a.slice(2)] = argv[++i] ?? '';
  }
  const ctx: BenchContext = {
    quick: argv.includes('--quick'),
    flags,
    log: (line) => process.stdout.write(line + '\n'),
    progress: (label) => {
      const bar = createProgress(label, { write: (text) => process.stderr.write(text), isTTY: process.stderr.isTTY === true }, { delayMs: 0 });
      return (done, total) => {
        bar.update(done, total);
        if (done === total) bar.finish();
      };
    },
    table: (rows) => process.stdout.write(`\n${bench.name} benchmark\n` + formatTable(['measure', 'value'], rows)),
  };
  const result = await bench.run(ctx);
  if (json) process.stdout.write(JSON.stringify(result) + '\n');
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    const err = e as { code?: string; message?: string };
    process.stderr.write(`bench failed${err.code ? ` (${err.code})` : ''}: ${err.message ?? String(e)}\n`);
    process.exit(1);
  },
);
