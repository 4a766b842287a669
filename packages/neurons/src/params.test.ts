import { isSnnError } from '@snn/ir';
import { describe, expect, it } from 'vitest';
import { LIF } from './neurons/lif.js';
import { regularSpiking } from './neurons/regular-spiking.js';
import { Sigmoid } from './neurons/sigmoid.js';
import { resolveParams } from './params.js';

function errorOf(run: () => unknown): Error & { code?: string; where?: string } {
  try {
    run();
  } catch (e) {
    return e as Error & { code?: string; where?: string };
  }
  throw new Error('expected an error');
}

describe('resolveParams', () => {
  it('fills Nengo defaults (camelCase names)', () => {
    expect(resolveParams(LIF)).toEqual({ tauRc: 0.02, tauRef: 0.002, minVoltage: 0, amplitude: 1 });
    expect(resolveParams(Sigmoid)).toEqual({ tauRef: 0.0025 });
    expect(resolveParams(regularSpiking(Sigmoid))).toEqual({ tauRef: 0.0025, amplitude: 1 });
  });

  it('keeps given values and returns a frozen object', () => {
    const p = resolveParams(LIF, { tauRc: 0.05, minVoltage: -Infinity });
    expect(p).toEqual({ tauRc: 0.05, tauRef: 0.002, minVoltage: -Infinity, amplitude: 1 });
    expect(Object.isFrozen(p)).toBe(true);
  });

  it('rejects unknown names, naming the node and listing the valid names', () => {
    const e = errorOf(() => resolveParams(LIF, { tau_rc: 0.05 }, 'dense_1'));
    expect(isSnnError(e, 'NEURON_UNKNOWN_PARAM')).toBe(true);
    expect(e.where).toBe('dense_1');
    expect(e.message).toContain('"tau_rc"');
    expect(e.message).toContain('dense_1');
    expect(e.message).toContain('tauRc, tauRef, minVoltage, amplitude');
  });

  it('rejects out-of-range and non-numeric values, naming the node and the parameter', () => {
    const cases: [Record<string, number>, string][] = [
      [{ tauRc: 0 }, 'must be > 0'],
      [{ tauRef: -0.001 }, 'must be >= 0'],
      [{ minVoltage: 0.5 }, 'must be <= 0'],
      [{ amplitude: -1 }, 'must be > 0'],
      [{ amplitude: Number.NaN }, 'is not a number'],
      [{ amplitude: '2' as unknown as number }, 'is not a number'],
    ];
    for (const [given, why] of cases) {
      const e = errorOf(() => resolveParams(LIF, given, 'conv0'));
      expect(isSnnError(e, 'NEURON_BAD_PARAM')).toBe(true);
      expect(e.message).toContain(why);
      expect(e.message).toContain(Object.keys(given)[0]);
      expect(e.message).toContain('conv0');
    }
  });
});
