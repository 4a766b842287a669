import { createRng } from '@snn/ir';
import { describe, expect, it } from 'vitest';
import { listNonzero } from '../kernels/list-nonzero.js';
import { listNonzeroAuto } from './list-nonzero-auto.js';
import { allocNeuronArray, freeNeuronArray } from './neuron-array.js';

describe('listNonzeroAuto (WebAssembly list of nonzero entries)', () => {
  it('lists exactly what the JS loop lists, for any size and density, in neuron memory or not', () => {
    for (const n of [0, 1, 7, 8, 9, 63, 64, 65, 1023, 1024, 1031, 4104, 100_003]) {
      for (const density of [0, 0.03, 0.5, 1]) {
        const rng = createRng(n + Math.round(density * 100));
        const out = allocNeuronArray(n);
        for (let i = 0; i < n; i++) if (rng.next() < density) out[i] = rng.next() < 0.5 ? 1000 : -0.5;
        const indexF = allocNeuronArray(n);
        const index = new Int32Array(indexF.buffer, indexF.byteOffset, n);
        const value = allocNeuronArray(n);
        const [jsIndex, jsValue] = [new Int32Array(n), new Float32Array(n)];
        const expected = listNonzero(out, n, jsIndex, jsValue);
        const count = listNonzeroAuto(out, n, index, value);
        expect(count).toBe(expected);
        expect(Array.from(index.subarray(0, count))).toEqual(Array.from(jsIndex.subarray(0, count)));
        expect(Array.from(value.subarray(0, count))).toEqual(Array.from(jsValue.subarray(0, count)));
        // ordinary arrays (not in neuron memory): the JS loop, same list
        expect(listNonzeroAuto(out.slice(), n, new Int32Array(n), new Float32Array(n))).toBe(expected);
        for (const a of [out, indexF, value]) freeNeuronArray(a);
      }
    }
  });
});
