import { isSnnError } from '@snn/ir';
import { describe, expect, it } from 'vitest';
import { resolveParams } from '../params.js';
import { QCFS } from './qcfs.js';

const apply = (f: (J: Float32Array, out: Float32Array) => unknown, J: number[]): number[] => {
  const out = new Float32Array(J.length);
  f(Float32Array.from(J), out);
  return [...out];
};

// L = 4 levels, threshold λ = 2: steps of λ/L = 0.5 in output, switching at J = (k - 1/2) * 0.5.
const p = resolveParams(QCFS, { levels: 4, threshold: 2 });

describe('QCFS (Bu et al. 2022)', () => {
  it('is a staircase of L steps of λ/L, switching half a step early (the shift), clipped at λ', () => {
    const J = [-1, 0, 0.2499, 0.25, 0.7, 0.75, 1.2, 1.25, 1.7499, 1.75, 2, 5];
    const want = [0, 0, 0, 0.5, 0.5, 1, 1, 1.5, 1.5, 2, 2, 2];
    const out = new Float32Array(J.length);
    expect(QCFS.step(0.001, Float32Array.from(J), out, {}, p)).toBe(9);
    expect([...out]).toEqual(want);
    expect(apply((j, o) => QCFS.rates(j, o, p), J)).toEqual(want);
  });

  it('has zero mean quantization error over [0, λ) thanks to the shift (the unshifted floor would lose λ/(2L))', () => {
    const n = 1 << 16;
    const J = Float32Array.from({ length: n }, (_, i) => (2 * (i + 0.5)) / n);
    const out = new Float32Array(n);
    QCFS.rates(J, out, p);
    let error = 0;
    for (let i = 0; i < n; i++) error += out[i] - J[i];
    expect(Math.abs(error / n)).toBeLessThan(1e-6);
  });

  it('scales by amplitude and accepts J === out', () => {
    const q = resolveParams(QCFS, { levels: 2, threshold: 0.5, amplitude: 3 });
    const J = Float32Array.of(0.1, 0.13, 0.3, 0.4, 9);
    QCFS.rates(J, J, q);
    expect([...J]).toEqual([0, 0.75, 0.75, 1.5, 1.5]);
  });

  it('defaults to L = 8, λ = 1, amplitude 1, trains its threshold, and rejects fractional or zero levels', () => {
    expect(resolveParams(QCFS)).toEqual({ levels: 8, threshold: 1, amplitude: 1 });
    expect(QCFS.trainableParams).toEqual(['threshold']);
    expect(QCFS.spiking).toBe(false);
    for (const [given, why] of [[{ levels: 2.5 }, 'whole number'], [{ levels: 0 }, '>= 1'], [{ threshold: 0 }, '> 0']] as const) {
      let error: unknown;
      try {
        resolveParams(QCFS, given, 'conv0_neurons');
      } catch (e) {
        error = e;
      }
      expect(isSnnError(error, 'NEURON_BAD_PARAM')).toBe(true);
      expect((error as Error).message).toContain(why);
      expect((error as Error).message).toContain('conv0_neurons');
    }
  });

  it('passes gradients straight through the floor: d/dJ = amplitude on [-λ/(2L), λ(1 + 1/(2L))), else 0', () => {
    const q = resolveParams(QCFS, { levels: 4, threshold: 2, amplitude: 3 });
    const J = [-0.3, -0.25, 0, 0.6, 2, 2.2, 2.25, 4];
    expect(apply((j, o) => QCFS.ratesDerivative!(j, o, q), J)).toEqual([0, 3, 3, 3, 3, 3, 0, 0]);
  });

  it('d/dλ is q/L - J/λ inside the clip range, 1 above it, 0 below it (times amplitude)', () => {
    const J = [-1, 0.6, 2.2, 3];
    // J = 0.6: q = floor(1.7) = 1 -> 1/4 - 0.3; J = 2.2: q = floor(4.9) = 4 -> 1 - 1.1; J = 3: q = 6 > L.
    const got = apply((j, o) => QCFS.ratesParamDerivative!('threshold', j, o, p), J);
    [0, 0.25 - 0.3, 1 - 1.1, 1].forEach((want, i) => expect(got[i]).toBeCloseTo(want, 6));
    expect(() => QCFS.ratesParamDerivative!('levels', Float32Array.of(1), new Float32Array(1), p)).toThrow(/no trainable parameter "levels"/);
  });

  it('keeps Euler’s identity J ∂h/∂J + λ ∂h/∂λ = h of a function homogeneous of degree 1 in (J, λ)', () => {
    const q = resolveParams(QCFS, { levels: 3, threshold: 1.5, amplitude: 0.7 });
    const J = Float32Array.from({ length: 401 }, (_, i) => -1 + i * 0.01);
    const h = new Float32Array(J.length);
    const dJ = new Float32Array(J.length);
    const dT = new Float32Array(J.length);
    QCFS.rates(J, h, q);
    QCFS.ratesDerivative!(J, dJ, q);
    QCFS.ratesParamDerivative!('threshold', J, dT, q);
    for (let i = 0; i < J.length; i++) expect(J[i] * dJ[i] + 1.5 * dT[i]).toBeCloseTo(h[i], 5);
  });
});
