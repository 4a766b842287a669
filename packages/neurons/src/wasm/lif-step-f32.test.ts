import { createRng } from '@snn/ir';
import { describe, expect, it } from 'vitest';
import { lifRate } from '../kernels/lif-rate.js';
import { lifStep } from '../kernels/lif-step.js';
import { lifStepAuto } from './lif-step-auto.js';
import { allocNeuronArray, freeNeuronArray } from './neuron-array.js';

const dt = 0.001;
const tauRc = 0.02;
const tauRef = 0.002;
const f32 = { precision: 'float32' } as const;

/** J, out, voltage, refractoryTime in neuron memory, with J and voltage copied from the arguments. */
function population(J: Float32Array, v: Float32Array): Float32Array[] {
  const arrays = [0, 1, 2, 3].map(() => allocNeuronArray(J.length));
  arrays[0].set(J);
  arrays[2].set(v);
  return arrays;
}

/** Spike counts per neuron over `steps` float32 steps (float64 with `exact`), and the final arrays. */
function run(J: Float32Array, v: Float32Array, steps: number, exact = false, rc = tauRc) {
  const [wJ, out, wV, r] = population(J, v);
  const counts = new Int32Array(J.length);
  let total = 0;
  for (let s = 0; s < steps; s++) {
    total += lifStepAuto(dt, wJ, out, wV, r, rc, tauRef, 0, 1, exact ? undefined : f32);
    for (let i = 0; i < J.length; i++) if (out[i] !== 0) counts[i]++;
  }
  const result = { counts, total, out: out.slice(), v: wV.slice(), r: r.slice() };
  for (const a of [wJ, out, wV, r]) freeNeuronArray(a);
  return result;
}

/** 1-based steps at which one neuron from v0 = 0 at constant J spikes, float32 kernel. */
function spikeSteps(J: number, steps: number): number[] {
  const [wJ, out, v, r] = population(Float32Array.of(J), Float32Array.of(0));
  const at: number[] = [];
  for (let k = 1; k <= steps; k++) {
    const n = lifStepAuto(dt, wJ, out, v, r, tauRc, tauRef, 0, 1, f32);
    expect(n).toBe(out[0] !== 0 ? 1 : 0);
    if (n) at.push(k);
  }
  for (const a of [wJ, out, v, r]) freeNeuronArray(a);
  return at;
}

describe('LIF step in float32 (lif_step_f32)', () => {
  it('spikes at steps 14, 30, 46, 62, 78 and 63 times in 1 s for J = 2 (spec 2.3)', () => {
    const at = spikeSteps(2, 1000);
    expect(at.slice(0, 5)).toEqual([14, 30, 46, 62, 78]);
    expect(at.length).toBe(63);
  });

  it('spikes at steps 3, 7, 11, 15, 19 and 243 times in 1 s for J = 10 (spec 2.3)', () => {
    const at = spikeSteps(10, 1000);
    expect(at.slice(0, 5)).toEqual([3, 7, 11, 15, 19]);
    expect(at.length).toBe(243);
  });

  it('fires at the LIFRate rate within 1 Hz over 1 s for J in 1.1..20 from random voltages', () => {
    const n = 2000;
    const rng = createRng(3);
    const J = rng.fillUniform(new Float32Array(n), 1.1, 20);
    const expected = new Float32Array(n);
    lifRate(J, expected, tauRc, tauRef, 1);
    const { counts } = run(J, rng.fillUniform(new Float32Array(n), 0, 1), 1000);
    let worst = 0;
    for (let i = 0; i < n; i++) worst = Math.max(worst, Math.abs(counts[i] - expected[i]));
    expect(worst).toBeLessThanOrEqual(1);
  });

  it('stays close to the exact kernel: 100k neurons x 1000 steps, totals within 0.1%, each neuron within 1 spike', () => {
    const n = 100_000;
    const rng = createRng(4);
    const J = rng.fillUniform(new Float32Array(n), -1, 12);
    for (let i = 0; i < n; i += 9) J[i] = 1 + (J[i] + 1) * 1e-3; // near threshold: slowest, most sensitive
    const v = rng.fillUniform(new Float32Array(n), 0, 1);
    const single = run(J, v, 1000);
    const exact = run(J, v, 1000, true);
    expect(exact.total).toBeGreaterThan(10_000_000); // ~130 Hz on average
    expect(Math.abs(single.total - exact.total) / exact.total).toBeLessThan(1e-3);
    let worst = 0;
    let differing = 0;
    for (let i = 0; i < n; i++) {
      const d = Math.abs(single.counts[i] - exact.counts[i]);
      worst = Math.max(worst, d);
      if (d) differing++;
    }
    expect(worst).toBeLessThanOrEqual(1);
    expect(differing).toBeLessThan(n / 100);
    // float32 rounding, not the exact kernel: voltages differ, but only slightly
    let changed = 0;
    let apart = 0;
    for (let i = 0; i < n; i++) {
      if (single.v[i] !== exact.v[i]) changed++;
      if (Math.abs(single.v[i] - exact.v[i]) > 1e-4) apart++;
    }
    expect(changed).toBeGreaterThan(n / 10);
    expect(apart).toBeLessThan(n / 200); // neurons whose latest spike moved by a step (~0.13%)
  });

  it('stays close to the exact kernel where partial steps need Math.expm1 (dt / tauRc > 0.125)', () => {
    const n = 20_001;
    const rng = createRng(6);
    const J = rng.fillUniform(new Float32Array(n), 0, 30);
    const v = rng.fillUniform(new Float32Array(n), 0, 1);
    const single = run(J, v, 300, false, 0.005);
    const exact = run(J, v, 300, true, 0.005);
    expect(exact.total).toBeGreaterThan(1_000_000);
    expect(Math.abs(single.total - exact.total) / exact.total).toBeLessThan(1e-3);
    let worst = 0;
    for (let i = 0; i < n; i++) worst = Math.max(worst, Math.abs(single.counts[i] - exact.counts[i]));
    expect(worst).toBeLessThanOrEqual(1);
  });

  it('keeps the semantics of the rare paths: partial steps, v0 > 1, minVoltage, amplitude, strict threshold', () => {
    // one neuron per case, in a population of 4 (one SIMD vector)
    const J = Float32Array.of(10, 5, -3, 1);
    const v = Float32Array.of(0, 1.5, 0.5, 1);
    const [wJ, out, wV, r] = population(J, v);
    const pJ = J.slice();
    const [pOut, pV, pR] = [new Float32Array(4), v.slice(), new Float32Array(4)];
    for (let s = 0; s < 40; s++) {
      const a = lifStepAuto(dt, wJ, out, wV, r, tauRc, tauRef, -0.25, 0.5, f32);
      const b = lifStep(dt, pJ, pOut, pV, pR, tauRc, tauRef, -0.25, 0.5);
      expect(a).toBe(b);
      expect(Array.from(out)).toEqual(Array.from(pOut)); // heights 0.5 / dt
      for (let i = 0; i < 4; i++) {
        expect(Math.abs(wV[i] - pV[i])).toBeLessThan(1e-5);
        expect(Math.abs(r[i] - pR[i])).toBeLessThan(2e-9); // a few float32 ulps
      }
    }
    expect(wV[2]).toBe(-0.25); // clamped
    expect(wV[3]).toBe(1); // v = 1 at J = 1 never spikes
    for (const a of [wJ, out, wV, r]) freeNeuronArray(a);
  });

  it('gives the same results for every population size and view offset (tails of n mod 4)', () => {
    const n = 4099;
    const rng = createRng(5);
    const J = rng.fillUniform(new Float32Array(n), 0, 8);
    const v = rng.fillUniform(new Float32Array(n), 0, 1);
    const whole = run(J, v, 120);
    for (const [start, size] of [[0, 1], [1, 2], [2, 3], [3, 5], [7, 1030], [1, 4098]]) {
      const part = run(J.subarray(start, start + size), v.subarray(start, start + size), 120);
      expect(Array.from(part.v)).toEqual(Array.from(whole.v.subarray(start, start + size)));
      expect(Array.from(part.r)).toEqual(Array.from(whole.r.subarray(start, start + size)));
      expect(Array.from(part.counts)).toEqual(Array.from(whole.counts.subarray(start, start + size)));
    }
  });

  it('steps whole blocks that spike, and then step partially, all in the same step (full lists)', () => {
    // 2,100 neurons (two full blocks of 1,024 and a tail) start just below threshold, so every
    // 64-neuron mask word is all ones at the spike and again at the partial step two steps later
    const n = 2100;
    const J = new Float32Array(n).map((_, i) => 10 + (i % 7) * 0.5);
    const v = new Float32Array(n).fill(0.9999);
    const [wJ, out, wV, r] = population(J, v);
    const [pOut, pV, pR] = [new Float32Array(n), v.slice(), new Float32Array(n)];
    for (let s = 0; s < 12; s++) {
      const a = lifStepAuto(dt, wJ, out, wV, r, tauRc, tauRef, 0, 1, f32);
      const b = lifStep(dt, J, pOut, pV, pR, tauRc, tauRef, 0, 1);
      expect(a).toBe(b);
      if (s === 0) expect(a).toBe(n);
      expect(Array.from(out)).toEqual(Array.from(pOut));
      for (let i = 0; i < n; i++) {
        expect(Math.abs(wV[i] - pV[i])).toBeLessThan(1e-5);
        expect(Math.abs(r[i] - pR[i])).toBeLessThan(2e-9);
      }
    }
    for (const a of [wJ, out, wV, r]) freeNeuronArray(a);
  });

  it('falls back to the exact JS kernel for arrays outside neuron memory', () => {
    const J = Float32Array.of(10, 2, 0.5);
    const [out, v, r] = [new Float32Array(3), new Float32Array(3), new Float32Array(3)];
    const [eOut, eV, eR] = [new Float32Array(3), new Float32Array(3), new Float32Array(3)];
    for (let s = 0; s < 30; s++) {
      expect(lifStepAuto(dt, J, out, v, r, tauRc, tauRef, 0, 1, f32)).toBe(lifStep(dt, J, eOut, eV, eR, tauRc, tauRef, 0, 1));
    }
    expect(v).toEqual(eV);
    expect(r).toEqual(eR);
  });
});
