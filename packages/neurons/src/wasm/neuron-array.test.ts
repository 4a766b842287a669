import { isSnnError } from '@snn/ir';
import { describe, expect, it } from 'vitest';
import { allocNeuronArray, freeNeuronArray, isNeuronArray } from './neuron-array.js';
import { neuronWasm } from './neuron-wasm.js';

function errorOf(f: () => void): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  return undefined;
}

describe('allocNeuronArray / freeNeuronArray', () => {
  it('returns zeroed, 16-byte aligned arrays in neuron memory and reuses freed space', () => {
    const a = allocNeuronArray(5).fill(7);
    expect(isNeuronArray(a)).toBe(true);
    expect(a.byteOffset % 16).toBe(0);
    const offset = a.byteOffset;
    freeNeuronArray(a);
    const b = allocNeuronArray(3);
    expect(b.byteOffset).toBe(offset);
    expect(Array.from(b)).toEqual([0, 0, 0]);
    expect(isNeuronArray(b.subarray(1))).toBe(true);
    expect(isNeuronArray(new Float32Array(3))).toBe(false);
    freeNeuronArray(b);
  });

  it('keeps earlier arrays valid when the memory grows (shared memory never detaches)', () => {
    const first = allocNeuronArray(4).fill(1.5);
    const before = neuronWasm()!.memory.buffer.byteLength;
    const big = allocNeuronArray(before / 4 + 1000); // more than the whole memory had
    expect(neuronWasm()!.memory.buffer.byteLength).toBeGreaterThan(before);
    expect(Array.from(first)).toEqual([1.5, 1.5, 1.5, 1.5]);
    expect(isNeuronArray(first)).toBe(true);
    big[big.length - 1] = 3;
    expect(big[big.length - 1]).toBe(3);
    freeNeuronArray(big);
    freeNeuronArray(first);
  });

  it('rejects bad lengths and frees of subarrays or freed arrays with clear errors', () => {
    expect(isSnnError(errorOf(() => allocNeuronArray(-1)), 'NEURON_BAD_LENGTH')).toBe(true);
    expect(isSnnError(errorOf(() => allocNeuronArray(1.5)), 'NEURON_BAD_LENGTH')).toBe(true);
    const a = allocNeuronArray(8);
    expect(isSnnError(errorOf(() => freeNeuronArray(a.subarray(2))), 'NEURON_BAD_FREE')).toBe(true);
    freeNeuronArray(a);
    const e = errorOf(() => freeNeuronArray(a));
    expect(isSnnError(e, 'NEURON_BAD_FREE')).toBe(true);
    expect((e as Error).message).toContain('free each array once, whole');
    expect(() => freeNeuronArray(new Float32Array(2))).not.toThrow();
  });
});
