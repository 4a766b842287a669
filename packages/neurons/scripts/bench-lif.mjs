#!/usr/bin/env node
// LIF kernel throughput: the plain-JS kernel, and the exact (float64) and float32 WebAssembly
// SIMD kernels on 1 thread and on a 2-thread NeuronStepPool; J ~ Uniform(0, 5), dt = 1 ms,
// default LIF parameters.
// Runs on the built package: npx tsc -p tsconfig.build.json && node scripts/bench-lif.mjs
// Options: --sizes 65536,262144,1048576  --repeats 7  --work 3e7 (neuron-steps per timing)
import os from 'node:os';
import { createNeuronStepPool } from '@snn/neurons';
import { measureLifThroughput } from '@snn/neurons/testing';
import { scriptArgs } from '@snn/scripts/args';

const { values } = scriptArgs(import.meta.url, {
  sizes: { type: 'string', default: '65536,262144,1048576' },
  repeats: { type: 'string', default: '7' },
  work: { type: 'string', default: '3e7' },
});
const sizes = values.sizes.split(',').map(Number);
const repeats = Number(values.repeats);
const pool = await createNeuronStepPool({ threads: 2, minParallel: 1 });
const pool32 = await createNeuronStepPool({ threads: 2, minParallel: 1, precision: 'float32' });
const variants = [
  ['js, 1 thread', (neurons, steps) => measureLifThroughput({ neurons, steps, kernel: 'js' })],
  ['wasm, 1 thread', (neurons, steps) => measureLifThroughput({ neurons, steps })],
  ['wasm, 2 threads', (neurons, steps) => measureLifThroughput({ neurons, steps, pool })],
  ['f32, 1 thread', (neurons, steps) => measureLifThroughput({ neurons, steps, precision: 'float32' })],
  ['f32, 2 threads', (neurons, steps) => measureLifThroughput({ neurons, steps, pool: pool32 })],
];
const fmt = (x) => x.toExponential(2);
const load = () => os.loadavg().map((x) => x.toFixed(2)).join(' ');
console.log(`neuron-steps/s, best and median of ${repeats} runs (interleaved); load average ${load()}`);
for (const neurons of sizes) {
  const steps = Math.max(10, Math.round(Number(values.work) / neurons));
  const results = variants.map(() => []);
  for (let r = 0; r < repeats; r++) variants.forEach(([, run], k) => results[k].push(run(neurons, steps).neuronStepsPerSec));
  variants.forEach(([name], k) => {
    const sorted = results[k].sort((a, b) => b - a);
    console.log(`${String(neurons).padStart(8)} ${name.padEnd(16)} best ${fmt(sorted[0])}  median ${fmt(sorted[sorted.length >> 1])}`);
  });
}
await pool.close();
await pool32.close();
console.log(`load average after: ${load()}`);
