import { describe, expect, it } from 'vitest';
import { isSnnError } from '@snn/ir';
import { lowpass } from './lowpass.js';
import { SynapseRegistry, createSynapseRegistry, registerAll } from './registry.js';
import { discretize } from './spec.js';
import { filterSeries } from './filt.js';
import type { SynapseType } from './types.js';

/** A user's own synapse type, defined outside the package: a pure gain of `k`. */
const gain: SynapseType = {
  name: 'gain',
  params: { k: { default: 2, doc: 'multiplier' } },
  discretize(spec) {
    const k = spec.params?.k ?? 2;
    return {
      order: 0,
      initState: (n) => new Float32Array(n),
      step(u, y) {
        for (let i = 0; i < u.length; i++) y[i] = k * u[i];
      },
    };
  },
};

describe('SynapseRegistry', () => {
  it('starts empty: nothing registers on import', () => {
    expect(new SynapseRegistry().names()).toEqual([]);
  });

  it('registerAll adds the built-ins; createSynapseRegistry is the same', () => {
    const r = registerAll(new SynapseRegistry());
    expect(r.names()).toEqual(['alpha', 'linearFilter', 'lowpass', 'none']);
    expect(createSynapseRegistry().names()).toEqual(r.names());
    expect(r.has('lowpass')).toBe(true);
    expect(r.has('Lowpass')).toBe(false);
    expect(r.get('lowpass')).toBe(lowpass);
  });

  it('registering a name twice is SYNAPSE_DUPLICATE unless override', () => {
    const r = createSynapseRegistry();
    try {
      r.register({ ...gain, name: 'lowpass' });
      expect.unreachable();
    } catch (e) {
      expect(isSnnError(e, 'SYNAPSE_DUPLICATE')).toBe(true);
      expect((e as Error).message).toContain("'lowpass' is already registered");
    }
    r.register({ ...gain, name: 'lowpass' }, { override: true });
    expect(r.get('lowpass').params).toHaveProperty('k');
    expect(() => registerAll(r)).toThrow(/already registered/);
  });

  it('unknown names are SYNAPSE_UNKNOWN listing the registered ones and naming where', () => {
    const r = createSynapseRegistry();
    try {
      r.get('lopass', 'edge dense1->lif1');
      expect.unreachable();
    } catch (e) {
      expect(isSnnError(e, 'SYNAPSE_UNKNOWN')).toBe(true);
      expect((e as Error).message).toBe(
        "edge dense1->lif1: unknown synapse type 'lopass'; registered: alpha, linearFilter, lowpass, none",
      );
    }
    expect(() => new SynapseRegistry().get('lowpass')).toThrow(/call registerAll/);
  });

  it('rejects objects that are not synapse types', () => {
    expect(() => new SynapseRegistry().register({ name: '' } as unknown as SynapseType)).toThrow(
      expect.objectContaining({ code: 'SYNAPSE_INVALID_TYPE' }),
    );
  });

  it("runs a user's own type through discretize", () => {
    const r = createSynapseRegistry().register(gain);
    const k = discretize(r, { type: 'gain', params: { k: 3 } }, 0.001);
    expect(Array.from(filterSeries(k, [1, 2]))).toEqual([3, 6]);
  });
});
