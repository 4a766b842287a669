import { createRng } from '@snn/ir';
import { describe, expect, it } from 'vitest';
import { lifStep } from '../kernels/lif-step.js';
import { lifStepAuto } from './lif-step-auto.js';
import { allocNeuronArray, freeNeuronArray, isNeuronArray } from './neuron-array.js';
import { neuronWasm } from './neuron-wasm.js';

interface Case {
  n: number;
  tauRc: number;
  tauRef: number;
  minVoltage: number;
  amplitude: number;
}

/** Index of the first element whose float32 bits differ, or -1. */
function firstBitDifference(a: Float32Array, b: Float32Array): number {
  const x = new Uint32Array(a.buffer, a.byteOffset, a.length);
  const y = new Uint32Array(b.buffer, b.byteOffset, b.length);
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return i;
  return -1;
}

/** Currents: J <= 1, negative, exactly 1, near threshold, typical and large; redrawn now and then. */
function drawCurrents(J: Float32Array, rng: ReturnType<typeof createRng>): void {
  rng.fillUniform(J, -2, 12);
  for (let i = 0; i < J.length; i += 7) J[i] = 1;
  for (let i = 3; i < J.length; i += 11) J[i] = 1 + J[i] * 1e-3;
  for (let i = 5; i < J.length; i += 13) J[i] = J[i] * 40;
}

/** Run `steps` LIF steps on plain arrays (JS kernel) and on neuron memory (wasm); compare bits. */
function compare(c: Case, steps: number): { spikes: number; partialSteps: number } {
  const rng = createRng(c.n);
  const J = new Float32Array(c.n);
  drawCurrents(J, rng);
  const v = rng.fillUniform(new Float32Array(c.n), 0, 1);
  for (let i = 0; i < c.n; i += 10) v[i] = 1 + v[i]; // above threshold at the start: log1p outside its series
  const r = new Float32Array(c.n);
  const out = new Float32Array(c.n);
  const [wJ, wOut, wV, wR] = [J, out, v, r].map((a) => allocNeuronArray(c.n).fill(0));
  wJ.set(J);
  wV.set(v);
  expect([wJ, wOut, wV, wR].every(isNeuronArray)).toBe(true);
  const dt = 0.001;
  let spikes = 0;
  let partialSteps = 0;
  for (let s = 0; s < steps; s++) {
    if (s % 100 === 99) {
      drawCurrents(J, rng);
      wJ.set(J);
    }
    for (let i = 0; i < c.n; i += 97) if (r[i] - dt > 0 && r[i] - dt < dt) partialSteps++;
    const a = lifStep(dt, J, out, v, r, c.tauRc, c.tauRef, c.minVoltage, c.amplitude);
    const b = lifStepAuto(dt, wJ, wOut, wV, wR, c.tauRc, c.tauRef, c.minVoltage, c.amplitude);
    expect(b).toBe(a);
    spikes += a;
    const diff = [firstBitDifference(out, wOut), firstBitDifference(v, wV), firstBitDifference(r, wR)];
    if (diff.some((d) => d >= 0)) throw new Error(`step ${s}: out/voltage/refractoryTime differ first at ${diff.join('/')}`);
  }
  for (const a of [wJ, wOut, wV, wR]) freeNeuronArray(a);
  return { spikes, partialSteps };
}

describe('LIF step through WebAssembly', () => {
  it('is available in Node 20 (SIMD + shared memory)', () => {
    expect(neuronWasm()).toBeDefined();
  });

  it('gives bit-identical outputs, voltages and refractory times to the JS kernel: 100k neurons x 1000 steps', () => {
    const { spikes, partialSteps } = compare({ n: 100_000, tauRc: 0.02, tauRef: 0.002, minVoltage: 0, amplitude: 1 }, 1000);
    expect(spikes).toBeGreaterThan(5_000_000); // the spike and refractory paths ran often
    expect(partialSteps).toBeGreaterThan(10_000);
  });

  it('is bit-identical with Math.expm1 partial steps (dt / tauRc > 0.125), no clamp, odd n', () => {
    const { spikes } = compare({ n: 20_001, tauRc: 0.005, tauRef: 0.0015, minVoltage: -Infinity, amplitude: 0.3 }, 300);
    expect(spikes).toBeGreaterThan(100_000);
  });

  it('is bit-identical on subarray views at any offset and for tiny populations', () => {
    for (const n of [1, 2, 3, 5]) compare({ n, tauRc: 0.02, tauRef: 0.002, minVoltage: -0.5, amplitude: 2 }, 200);
    const dt = 0.001;
    const base = [0, 1, 2, 3].map(() => allocNeuronArray(1003));
    const plain = base.map((a) => new Float32Array(1003));
    createRng(9).fillUniform(base[0], 0, 6);
    createRng(10).fillUniform(base[2], 0, 1);
    plain[0].set(base[0]);
    plain[2].set(base[2]);
    const views = (arrays: Float32Array[]): Float32Array[] => arrays.map((a, k) => a.subarray(k + 1, k + 1 + 997));
    const [J, out, v, r] = views(base);
    const [pJ, pOut, pV, pR] = views(plain);
    for (let s = 0; s < 100; s++) {
      expect(lifStepAuto(dt, J, out, v, r, 0.02, 0.002, 0, 1)).toBe(lifStep(dt, pJ, pOut, pV, pR, 0.02, 0.002, 0, 1));
    }
    for (let k = 0; k < 4; k++) expect(firstBitDifference(base[k], plain[k])).toBe(-1);
  });
});
