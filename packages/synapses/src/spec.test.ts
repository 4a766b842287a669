import { describe, expect, it } from 'vitest';
import { SnnError } from '@snn/ir';
import { filterSeries } from './filt.js';
import type { LinearKernel } from './kernels/linear-kernel.js';
import { createSynapseRegistry } from './registry.js';
import { alphaSpec, coerceSynapse, discretize, linearFilterSpec, lowpassSpec } from './spec.js';

const registry = createSynapseRegistry();

const caught = (f: () => unknown): SnnError => {
  try {
    f();
  } catch (e) {
    if (e instanceof SnnError) return e;
    throw e;
  }
  throw new Error('expected an SnnError');
};

describe('spec helpers', () => {
  it('build specs', () => {
    expect(lowpassSpec(0.005)).toEqual({ type: 'lowpass', params: { tau: 0.005 } });
    expect(alphaSpec(0.01)).toEqual({ type: 'alpha', params: { tau: 0.01 } });
    expect(linearFilterSpec([1], [0.01, 1])).toEqual({ type: 'linearFilter', arrays: { num: [1], den: [0.01, 1] } });
    expect(linearFilterSpec([1], [1, -0.5], { analog: false }).params).toEqual({ analog: 0 });
  });

  it('coerceSynapse: a number is Lowpass(number), null/undefined is no synapse, specs pass through', () => {
    expect(coerceSynapse(0.005)).toEqual(lowpassSpec(0.005));
    expect(coerceSynapse(null)).toBeUndefined();
    expect(coerceSynapse(undefined)).toBeUndefined();
    const spec = alphaSpec(0.01);
    expect(coerceSynapse(spec)).toBe(spec);
    const k = discretize(registry, coerceSynapse(0.01)!, 0.001);
    expect(Math.abs(filterSeries(k, [1])[0] - 0.095162582)).toBeLessThan(1e-7);
  });

  it('coerceSynapse rejects tau <= 0 and malformed specs', () => {
    const e = caught(() => coerceSynapse(0, 'edge a->b'));
    expect(e.code).toBe('SYNAPSE_INVALID_PARAM');
    expect(e.message).toMatch(/^edge a->b: synapse: a number means Lowpass\(tau\) and tau must be finite seconds > 0, got 0/);
    expect(caught(() => coerceSynapse(-1)).code).toBe('SYNAPSE_INVALID_PARAM');
    expect(caught(() => coerceSynapse({ tau: 1 } as never)).message).toMatch(/expected a number/);
  });

  it('discretize looks the type up and returns its kernel', () => {
    const k = discretize(registry, alphaSpec(0.01), 0.001) as LinearKernel;
    expect(k.form).toBe('noD');
  });

  it('discretize errors name the edge and the field, keeping the code and the cause', () => {
    const e = caught(() => discretize(registry, lowpassSpec(-0.01), 0.001, 'edge conv1->lif1'));
    expect(e.code).toBe('SYNAPSE_INVALID_PARAM');
    expect(e.where).toBe('edge conv1->lif1 params.tau');
    expect(e.message).toMatch(/^edge conv1->lif1: lowpass synapse, params\.tau: time constant must be/);
    expect(e.cause).toBeInstanceOf(SnnError);

    const improper = caught(() => discretize(registry, linearFilterSpec([1, 1], [1]), 0.001, 'edge x->y'));
    expect(improper.code).toBe('SYNAPSE_IMPROPER');
    expect(improper.where).toBe('edge x->y arrays.num');

    const unknown = caught(() => discretize(registry, { type: 'lowpas', params: { tau: 1 } }, 0.001, 'edge x->y'));
    expect(unknown.code).toBe('SYNAPSE_UNKNOWN');
    expect(unknown.message).toMatch(/^edge x->y: unknown synapse type 'lowpas'/);

    const dt = caught(() => discretize(registry, lowpassSpec(0.01), -1, 'edge x->y'));
    expect(dt.where).toBe('edge x->y dt');
  });
});
