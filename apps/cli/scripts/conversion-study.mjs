#!/usr/bin/env node
// Where ANN-to-SNN conversion loses accuracy, one cause at a time: converts a trained ReLU
// network (any model `snn` reads) with NengoDL's recipe, hand settings and `--calibrate`
// variants, evaluates each on MNIST with `snn evaluate --accuracy-curve`, and prints a
// markdown table (accuracy at several T, gap to the ANN, mean rates, SynOps per image).
// Every row is one `snn convert` + one `snn evaluate` command, printed beside it.
// Usage (after `npm run build`):
//   node apps/cli/scripts/conversion-study.mjs MODEL [--steps 60] [--limit 10000] [--only NAME,NAME] [--json FILE]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../dist/cli.js';
import { bufferIo } from '../dist/io.js';
import { numberOption, scriptArgs } from '@snn/scripts/args';

const { values, positionals } = scriptArgs(import.meta.url, { steps: { type: 'string', default: '60' }, limit: { type: 'string', default: '10000' }, only: { type: 'string' }, json: { type: 'string' } }, { allowPositionals: true });
if (positionals.length !== 1) {
  console.error('conversion-study.mjs: give one MODEL (a Keras file or .snn network; see --help)');
  process.exit(2);
}
const model = positionals[0];
const steps = numberOption(values, 'steps', import.meta.url);
const limit = numberOption(values, 'limit', import.meta.url);
const SRL = ['--neuron', 'SpikingRectifiedLinear'];
// name, what it shows, convert flags, evaluate flags
const configs = [
  ['nengodl', "NengoDL's keras-to-snn recipe: SpikingRectifiedLinear (rectifies each step, U(0,1) start), scale 100, 5 ms synapse, last step", [...SRL, '--scale', '100', '--synapse', '0.005'], ['--readout', 'last']],
  ['hand-1000', 'best hand setting: SpikingRectifiedLinear, scale 1000, no synapse, mean readout', [...SRL, '--scale', '1000'], ['--readout', 'mean']],
  ['cal-srl-last', 'calibrated scales (p99.9), but Nengo\'s SpikingRectifiedLinear and the last step', ['--calibrate', ...SRL], ['--readout', 'last']],
  ['cal-srl-mean', 'calibrated, SpikingRectifiedLinear, mean readout', ['--calibrate', ...SRL], ['--readout', 'mean']],
  ['cal-if0-mean', 'calibrated, IntegrateAndFire (signed input), starting at 0, mean readout', ['--calibrate', '--initial-voltage', '0'], ['--readout', 'mean']],
  ['cal-if-last', 'calibrated, IntegrateAndFire starting at half threshold, last step', ['--calibrate'], ['--readout', 'last']],
  ['cal-if-mean', 'calibrated, IntegrateAndFire, half threshold, mean readout (the default of --calibrate)', ['--calibrate'], []],
  ['cal-if-syn5', 'the default plus a 5 ms synapse on every edge leaving neurons', ['--calibrate', '--synapse', '0.005'], []],
  ['cal-p99', 'the default with percentile 99', ['--calibrate', '--percentile', '99'], []],
  ['cal-p100', 'the default with percentile 100 (the max)', ['--calibrate', '--percentile', '100'], []],
  ['cal-rate100', 'the default with --target-rate 100', ['--calibrate', '--target-rate', '100'], []],
].filter(([name]) => !values.only || values.only.split(',').includes(name));

async function snn(args) {
  const io = bufferIo();
  const code = await runCli(args, io);
  if (code !== 0) throw new Error(`snn ${args.join(' ')} failed (${code}): ${io.stderr()}`);
  return io.stdout();
}

const tmp = mkdtempSync(join(tmpdir(), 'snn-study-'));
const marks = [1, 2, 4, 8, 10, 20, 30, 40, 60].filter((t) => t <= steps);
const rows = [];
try {
  for (const [name, what, convert, evaluate] of configs) {
    const net = join(tmp, `${name}.snn`);
    const convertArgs = ['convert', model, '-o', net, ...convert];
    await snn(convertArgs);
    const evalArgs = ['evaluate', net, '--data', 'mnist-test', '--limit', String(limit), '--steps', String(steps), '--accuracy-curve', '--json', ...evaluate];
    const out = await snn(evalArgs);
    const json = JSON.parse(out.trimEnd().split('\n').pop());
    rows.push({ name, what, convert: `snn ${convertArgs.join(' ').replace(net, `${name}.snn`)}`, evaluate: `snn ${evalArgs.join(' ').replace(net, `${name}.snn`)}`, ...json });
    const at = (t) => (100 * json.accuracyByStep[t - 1]).toFixed(2);
    console.error(`${name}: ANN ${(100 * json.annAccuracy).toFixed(2)}%, ${marks.map((t) => `T=${t} ${at(t)}`).join(', ')}`);
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
const pct = (x) => (100 * x).toFixed(2);
console.log(`ANN (rate mode): ${pct(rows[0]?.annAccuracy ?? 0)}% on ${limit} test images\n`);
console.log(`| config | readout | ${marks.map((t) => `T=${t}`).join(' | ')} | gap at 10 / 20 / 30 | rates (Hz) | SynOps/image |`);
console.log(`|---|---|${marks.map(() => '---:').join('|')}|---|---|---:|`);
for (const r of rows) {
  const gap = [10, 20, 30].filter((t) => t <= steps).map((t) => (100 * (r.accuracyByStep[t - 1] - r.annAccuracy)).toFixed(2)).join(' / ');
  const rates = Object.values(r.rates).map((h) => h.toFixed(1)).join(', ');
  console.log(`| ${r.name} | ${r.readout} | ${marks.map((t) => pct(r.accuracyByStep[t - 1])).join(' | ')} | ${gap} | ${rates} | ${Math.round(r.synopsPerImage).toLocaleString('en-US')} |`);
}
console.log('\nCommands:\n');
for (const r of rows) console.log(`- ${r.name}: ${r.what}\n  \`${r.convert}\`\n  \`${r.evaluate}\``);
if (values.json) writeFileSync(values.json, JSON.stringify(rows, null, 1));
