#!/usr/bin/env node
// Longer fuzz runs by hand: node tools/fuzz/dist/main.js [--cases N] [--format F] [--seed S] [--workers W]
import { parseArgs } from 'node:util';
import { FORMAT_NAMES, FORMATS, type FormatName } from './formats.js';
import { runFuzz } from './run-fuzz.js';
import { summarize } from './summary.js';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: process.env.FUZZ_CASES ?? '5000' },
    format: { type: 'string', multiple: true },
    seed: { type: 'string', default: '1' },
    workers: { type: 'string', default: '2' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log(`usage: node tools/fuzz/dist/main.js [--cases N] [--format ${FORMAT_NAMES.join('|')}]... [--seed S] [--workers W]
Damages the Keras fixtures and the project's own .snn and .nir files N times per format and
checks each load ends in a typed error or a model, within 2 s and 1 GiB; exit 1 on any problem.`);
  process.exit(0);
}
const formats = (values.format ?? [...FORMAT_NAMES]) as FormatName[];
const bad = formats.find((f) => !FORMAT_NAMES.includes(f));
if (bad) {
  console.error(`unknown --format '${bad}'; use one of ${FORMAT_NAMES.join(', ')}`);
  process.exit(2);
}
const cases = Number(values.cases);
const seed = Number(values.seed);
const workers = Number(values.workers);
if (!Number.isInteger(cases) || cases < 1 || !Number.isInteger(seed) || !Number.isInteger(workers) || workers < 1) {
  console.error('--cases and --workers must be positive integers, --seed an integer');
  process.exit(2);
}
let failed = false;
console.log('| format | cases | typed errors by code | loaded | HDF5 traps (ended in) / instances replaced | max ms/case | peak RSS MiB | wall s |');
console.log('|---|---|---|---|---|---|---|---|');
for (const format of formats) {
  const s = summarize(await runFuzz({ format, cases, seed, workers }), FORMATS[format].errorCodes);
  const codes = Object.entries(s.errorsByCode).sort((a, b) => b[1] - a[1]).map(([c, n]) => `${c} ${n}`).join(', ');
  console.log(`| ${format} | ${s.cases} | ${codes} | ${s.loaded} | ${s.trapped.length} / ${s.renewals} | ${s.maxMs.toFixed(0)} | ${s.maxRssMb.toFixed(0)} | ${s.wallS.toFixed(1)} |`);
  for (const p of [...s.problems, ...s.trapped.map((t) => `trap: ${t}`)].slice(0, 20)) console.error(`  ${format}: ${p}`);
  if (s.problems.length > 0) failed = true;
}
process.exit(failed ? 1 : 0);
