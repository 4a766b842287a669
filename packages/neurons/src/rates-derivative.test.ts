import { describe, expect, it } from 'vitest';
import { resolveParams } from './params.js';
import { builtinNeuronTypes } from './registry.js';
import { SoftLIFRate } from './neurons/soft-lif-rate.js';
import type { NeuronParams, NeuronType } from './types.js';

// Currents exactly representable in float32, as are J ± h, so the difference quotient's only
// error is float32 rounding of the outputs and the O(h^2) truncation.
const h = 2 ** -9;
const currents = [-3.5, -1.25, -0.375, 0.25, 0.625, 1.375, 1.75, 2.5, 4.125, 9.5];
const kinks = [0, 1];

/** Central difference (f(J + h) - f(J - h)) / 2h of `type.rates`, evaluated in float64. */
function centralDifference(type: NeuronType, p: NeuronParams, J: number[]): Float64Array {
  const plus = new Float32Array(J.length);
  const minus = new Float32Array(J.length);
  type.rates(Float32Array.from(J, (j) => j + h), plus, p);
  type.rates(Float32Array.from(J, (j) => j - h), minus, p);
  return Float64Array.from(J, (_, i) => (plus[i] - minus[i]) / (2 * h));
}

function check(type: NeuronType, p: NeuronParams, J: number[]): void {
  const analytic = new Float32Array(J.length);
  type.ratesDerivative!(Float32Array.from(J), analytic, p);
  const numeric = centralDifference(type, p, J);
  const out = new Float32Array(J.length);
  type.rates(Float32Array.from(J), out, p);
  const scale = Math.max(1, ...Array.from(out, Math.abs));
  J.forEach((j, i) => {
    const tol = 2e-3 * Math.abs(analytic[i]) + (4 * 2 ** -24 * scale) / (2 * h);
    expect(Math.abs(numeric[i] - analytic[i]), `${type.name} at J = ${j}`).toBeLessThanOrEqual(tol);
  });
}

// QCFS is a staircase whose ratesDerivative is by design the straight-through estimate, not
// its (zero) finite difference; neurons/qcfs.test.ts checks it against its analytic values.
const straightThrough = new Set(['QCFS']);

describe('ratesDerivative matches central finite differences away from kinks', () => {
  for (const type of builtinNeuronTypes.filter((t) => !straightThrough.has(t.name))) {
    it(type.name, () => {
      expect(type.ratesDerivative).toBeTypeOf('function');
      const J = currents.filter((j) => kinks.every((k) => Math.abs(j - k) > 0.2));
      check(type, resolveParams(type), J);
    });
  }

  it('SoftLIFRate with sigma = 0.1 and on its js <= -20 branch', () => {
    check(SoftLIFRate, resolveParams(SoftLIFRate, { sigma: 0.1 }), [-1.5, 0.5, 0.875, 1.125, 2.5]);
  });

  it('is exactly zero below threshold for LIF and ReLU', () => {
    for (const name of ['LIF', 'LIFRate', 'RectifiedLinear', 'SpikingRectifiedLinear']) {
      const type = builtinNeuronTypes.find((t) => t.name === name)!;
      const d = new Float32Array(2);
      type.ratesDerivative!(Float32Array.of(-2, name.includes('LIF') ? 1 : 0), d, resolveParams(type));
      expect([...d]).toEqual([0, 0]);
    }
  });
});
