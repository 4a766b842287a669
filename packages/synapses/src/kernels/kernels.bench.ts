// Step throughput over 2e6 channels (the simulator's largest per-step load).
// Run: npx vitest bench --run src/kernels/kernels.bench.ts
import { bench, describe } from 'vitest';
import { alpha } from '../alpha.js';
import { linearFilter } from '../linear-filter.js';
import { lowpass } from '../lowpass.js';
import { alphaSpec, linearFilterSpec, lowpassSpec } from '../spec.js';
import type { FilterKernel } from '../types.js';

const n = 2_000_000;
const dt = 0.001;
const u = new Float32Array(n).fill(0.5);
const y = new Float32Array(n);
const wc = 2 * Math.PI * 50;

function run(name: string, kernel: FilterKernel, aliased = false): void {
  const state = kernel.initState(n);
  bench(name, () => kernel.step(u, aliased ? state : y, state), { time: 1000 });
}

describe('synapse step, 2e6 channels', () => {
  const a = 0.9;
  const b = 0.1;
  bench('baseline: bare loop y[i] = a*y[i] + b*u[i]', () => {
    for (let i = 0; i < n; i++) y[i] = a * y[i] + b * u[i];
  }, { time: 1000 });
  run('lowpass, y aliases state', lowpass.discretize(lowpassSpec(0.005), dt), true);
  run('lowpass, separate y', lowpass.discretize(lowpassSpec(0.005), dt));
  run('alpha (noD order 2)', alpha.discretize(alphaSpec(0.005), dt));
  run('lead (general order 1)', linearFilter.discretize(linearFilterSpec([0.01, 0], [0.01, 1]), dt));
  run('butterworth (noD order 3)', linearFilter.discretize(linearFilterSpec([1], [1 / wc ** 3, 2 / wc ** 2, 2 / wc, 1]), dt));
});
