#!/usr/bin/env node
// Same-process A/B of float32 LIF kernel variants: node scripts/ab-lif-f32.mjs DIR [DIR...]
// Each DIR holds a neuron-kernels.wat and its wat/ folder (e.g. a copy of src/wasm with an
// edit); the first DIR is the reference. Every variant steps the same population for --check
// steps and must match the reference bit for bit (out, v and r); then the variants are timed
// interleaved, one thread, --repeats times over --steps steps, best and median reported.
// Options: --neurons 65536 --steps 400 --repeats 7 --check 300 --j-low 0 --j-high 5
//   --min-voltage 0 --tau-rc 0.02 --tau-ref 0.002 --amplitude 1 --v-high 1 --r-high 0
// (initial v ~ U(0, v-high), r ~ U(0, r-high); dt = 1 ms; negative values as --j-low=-1).
// Exits 1 when a variant differs.
import { join } from 'node:path';
import { assemble } from '@snn/wasm-tools/assemble';
import { numberOption, scriptArgs } from '@snn/scripts/args';

const { values, positionals: dirs } = scriptArgs(
  import.meta.url,
  Object.fromEntries(
    [
      ['neurons', '65536'], ['steps', '400'], ['repeats', '7'], ['check', '300'], ['j-low', '0'], ['j-high', '5'],
      ['min-voltage', '0'], ['tau-rc', '0.02'], ['tau-ref', '0.002'], ['amplitude', '1'], ['v-high', '1'], ['r-high', '0'],
    ].map(([name, value]) => [name, { type: 'string', default: value }]),
  ),
  { allowPositionals: true },
);
if (dirs.length === 0) {
  console.error('ab-lif-f32.mjs: name at least one folder with neuron-kernels.wat and wat/ (see --help)');
  process.exit(2);
}
const num = (name) => numberOption(values, name, import.meta.url);
const n = num('neurons');
const dt = 0.001;
const tauRc = num('tau-rc');
const tauRef = num('tau-ref');
const vMin = num('min-voltage');
const height = num('amplitude') / dt;
const decay = Math.expm1(-dt / tauRc);
const series = dt / tauRc <= 0.125 ? 1 : 0;

// arrays at byte offsets after a 64 KiB scratch area, 64 bytes apart so they do not alias
const bytes = 4 * n + 64;
const [pJ, pOut, pV, pR] = [0, 1, 2, 3].map((k) => 65536 + k * bytes);
let seed = 12345;
const uniform = (lo, hi) => lo + (hi - lo) * ((seed = (seed * 1103515245 + 12345) >>> 0) / 4294967296);
const J0 = Float32Array.from({ length: n }, () => uniform(num('j-low'), num('j-high')));
const V0 = Float32Array.from({ length: n }, () => uniform(0, num('v-high')));
const R0 = Float32Array.from({ length: n }, () => uniform(0, num('r-high')));

const variants = [];
for (const dir of dirs) {
  const memory = new WebAssembly.Memory({ initial: Math.ceil((65536 + 4 * bytes) / 65536), maximum: 65536, shared: true });
  const module = new WebAssembly.Module(await assemble(join(dir, 'neuron-kernels.wat')));
  const { exports } = new WebAssembly.Instance(module, { env: { memory }, math: { expm1: Math.expm1, log1p: Math.log1p } });
  const reset = () => {
    const f = new Float32Array(memory.buffer);
    f.set(J0, pJ / 4);
    f.set(V0, pV / 4);
    f.set(R0, pR / 4);
  };
  const step = () => exports.lif_step_f32(n, pJ, pOut, pV, pR, 0, dt, tauRc, tauRef, vMin, height, decay, series);
  variants.push({ dir, memory, reset, step });
}

// bit-identity over --check steps
let failed = false;
const states = variants.map(({ memory, reset, step }) => {
  reset();
  let spikes = 0;
  for (let s = 0; s < num('check'); s++) spikes += step();
  return { spikes, words: new Uint32Array(memory.buffer, pOut, (pR - pOut) / 4 + n).slice() };
});
for (const [k, { spikes, words }] of states.entries()) {
  let differing = 0;
  for (let i = 0; i < words.length; i++) if (words[i] !== states[0].words[i]) differing++;
  if (differing || spikes !== states[0].spikes) failed = true;
  console.log(`${variants[k].dir}: ${spikes} spikes in ${num('check')} steps, ${differing} words differ from ${dirs[0]}`);
}

// interleaved timing
const rates = variants.map(() => []);
for (let r = 0; r < num('repeats'); r++) {
  for (const [k, { reset, step }] of variants.entries()) {
    reset();
    for (let s = 0; s < 5; s++) step();
    const t0 = performance.now();
    for (let s = 0; s < num('steps'); s++) step();
    rates[k].push((n * num('steps')) / ((performance.now() - t0) / 1000));
  }
}
for (const [k, list] of rates.entries()) {
  list.sort((a, b) => b - a);
  const ratio = list[list.length >> 1] / [...rates[0]].sort((a, b) => b - a)[rates[0].length >> 1];
  console.log(`${variants[k].dir.padEnd(40)} best ${list[0].toExponential(3)}  median ${list[list.length >> 1].toExponential(3)}  (${ratio.toFixed(3)}x median)`);
}
process.exit(failed ? 1 : 0);
