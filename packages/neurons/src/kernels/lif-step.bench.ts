// Run with `npx vitest bench` (not part of `vitest run`). The workspace benchmark calls
// measureLifThroughput instead; this is for comparing kernel variants while editing.
import { createRng } from '@snn/ir';
import { bench, describe } from 'vitest';
import { lifStep } from './lif-step.js';

const n = 100_000;
const rng = createRng(1);
const J = rng.fillUniform(new Float32Array(n), 0, 5);
const voltage = rng.fillUniform(new Float32Array(n), 0, 1);
const refractoryTime = new Float32Array(n);
const out = new Float32Array(n);

describe('lifStep, 1e5 neurons, J ~ Uniform(0, 5)', () => {
  bench('one step', () => {
    lifStep(0.001, J, out, voltage, refractoryTime, 0.02, 0.002, 0, 1);
  });
});
