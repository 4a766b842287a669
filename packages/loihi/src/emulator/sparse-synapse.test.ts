import { describe, expect, it } from 'vitest';
import { LoihiEmulator } from './loihi-emulator.js';
import { seededInts } from './seeded-ints.js';
import { SimrealEmulator } from './simreal-emulator.js';
import { sparseFromDense, type SparseSynapse } from './sparse-synapse.js';
import type { LoihiEmulatorBlock, LoihiEmulatorSynapse } from './types.js';

function block(label: string, n: number, vth: number): LoihiEmulatorBlock {
  return { label, decayU: 743, decayV: 0, refractDelay: 1, vmin: 0, vmax: 2 ** 23 - 1, vth: new Int32Array(n).fill(vth), bias: new Int32Array(n) };
}

/** A dense matrix with about `zeros` of its weights zero. */
function mostlyZero(seed: number, nAxons: number, nTarget: number, zeros: number): Int32Array {
  const keep = seededInts(seed, nAxons * nTarget, 0, 999);
  const w = seededInts(seed + 1, nAxons * nTarget, -3000, 6000);
  return w.map((v, i) => (keep[i]! < zeros * 1000 ? 0 : v));
}

describe('sparseFromDense', () => {
  it('keeps the nonzero weights of each row, in order', () => {
    const s = sparseFromDense('x', 'a', Int32Array.of(0, 5, 0, -2, 0, 0, 7, 0, 1), 3, 3);
    expect([...s.rowStart]).toEqual([0, 1, 2, 4]);
    expect([...s.targets]).toEqual([1, 0, 0, 2]);
    expect([...s.weights]).toEqual([5, -2, 7, 1]);
    expect(s.kind).toBe('sparse');
  });
});

describe('SparseSynapse in the emulator', () => {
  it('delivers what the dense matrix delivers, bit for bit over 30 steps (90% zero weights, 4 samples)', () => {
    const nSamples = 4;
    const [nx, na, nb] = [60, 40, 25];
    const w1 = mostlyZero(3, nx, na, 0.9);
    const w2 = mostlyZero(5, na, nb, 0.9);
    const make = (syn: (s: string, t: string, w: Int32Array, m: number, n: number) => LoihiEmulatorSynapse) =>
      new LoihiEmulator(
        { inputs: [{ label: 'x', nAxons: nx }], blocks: [block('a', na, 3000), block('b', nb, 3000)], synapses: [syn('x', 'a', w1, nx, na), syn('a', 'b', w2, na, nb)] },
        { nSamples },
      );
    const sparse = make(sparseFromDense);
    const dense = make((source, target, weights) => ({ source, target, weights }));
    for (let t = 1; t <= 30; t++) {
      const x = Uint8Array.from(seededInts(100 + t, nSamples * nx, 0, 2), (r) => (r === 0 ? 1 : 0));
      sparse.step({ x });
      dense.step({ x });
      for (const label of ['a', 'b']) {
        expect(sparse.current(label)).toEqual(dense.current(label));
        expect(sparse.voltage(label)).toEqual(dense.voltage(label));
      }
    }
    expect(sparse.spikeCounts('b').reduce((a, b) => a + b, 0)).toBeGreaterThan(50);
    expect(sparse.spikeCounts('b')).toEqual(dense.spikeCounts('b'));
  });

  it('works for float weights in the simreal emulator', () => {
    const w = Float64Array.of(0, 0.5, 0, 0.25);
    const blockF = { label: 'a', decayU: 1, decayV: 0, scaleU: false, scaleV: false, vth: new Float64Array(2).fill(10), bias: new Float64Array(2), refractDelay: 1, vmin: 0, vmax: Infinity };
    const emu = new SimrealEmulator({ inputs: [{ label: 'x', nAxons: 2 }], blocks: [blockF], synapses: [sparseFromDense('x', 'a', w, 2, 2)] });
    emu.step({ x: Uint8Array.of(1, 1) });
    emu.step();
    expect([...emu.current('a')]).toEqual([0, 0.75]);
  });

  it('rejects row pointers and targets that do not fit the blocks, naming what is wrong', () => {
    const good = sparseFromDense('x', 'a', Int32Array.of(1, 0, 0, 2), 2, 2);
    const run = (s: SparseSynapse<Int32Array>) => () => new LoihiEmulator({ inputs: [{ label: 'x', nAxons: 2 }], blocks: [block('a', 2, 1)], synapses: [s] });
    expect(run(good)).not.toThrow();
    expect(run({ ...good, rowStart: Int32Array.of(0, 2) })).toThrow(/rowStart has 2 values; expected source size \+ 1 = 3/);
    expect(run({ ...good, rowStart: Int32Array.of(0, 2, 1) })).toThrow(/rowStart must run from 0 to the number of weights \(2\)/);
    expect(run({ ...good, rowStart: Int32Array.of(0, 3, 2) })).toThrow(/rowStart must not decrease \(axon 1\)/);
    expect(run({ ...good, targets: Int32Array.of(0, 2) })).toThrow(/target 2 at position 1 is outside the 2 compartments of "a"/);
  });
});
