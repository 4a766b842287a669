import { createRng } from '@snn/ir';
import { describe, expect, it } from 'vitest';
import { resolveParams } from '../params.js';
import { allocNeuronArray } from '../wasm/neuron-array.js';
import { SpikingRectifiedLinear } from './spiking-rectified-linear.js';

/** Input/output arrays for the JS kernel (plain arrays) and the WebAssembly kernel (neuron memory). */
const kernels = [
  { kernel: 'JS', alloc: (n: number): Float32Array => new Float32Array(n) },
  { kernel: 'WebAssembly', alloc: allocNeuronArray },
] as const;

const dt = 0.001;
const params = resolveParams(SpikingRectifiedLinear);

describe('SpikingRectifiedLinear step (spec 2.2)', () => {
  it.each(kernels)('follows the computed Nengo sequence from v0 = 0: reset by subtraction, several spikes per step ($kernel kernel)', ({ alloc }) => {
    const state = SpikingRectifiedLinear.initState(1, params, createRng(1));
    state.voltage[0] = 0;
    const out = alloc(1);
    const expected: [number, number, number][] = [
      [2500, 2000, 0.5],
      [2500, 3000, 0],
      [-1000, 0, 0],
      [700, 0, 0.7],
      [700, 1000, 0.4],
    ];
    for (const [J, output, v] of expected) {
      const n = SpikingRectifiedLinear.step(dt, alloc(1).fill(J), out, state, params);
      expect(out[0]).toBe(output);
      expect(n).toBe(output !== 0 ? 1 : 0);
      expect(state.voltage[0]).toBeCloseTo(v, 6);
    }
  });

  it.each(kernels)('fires at rate J (its RectifiedLinear rate) over 1 s from random initial voltages ($kernel kernel)', ({ alloc }) => {
    const currents = [0, 0.5, 3, 17.5, 50, 99, 150, 222, 333, 400];
    const n = currents.length;
    const J = alloc(n);
    J.set(currents);
    const state = SpikingRectifiedLinear.initState(n, params, createRng(5));
    const out = alloc(n);
    const counts = new Float64Array(n);
    for (let s = 0; s < 1000; s++) {
      SpikingRectifiedLinear.step(dt, J, out, state, params);
      for (let i = 0; i < n; i++) counts[i] += out[i] * dt;
    }
    const rates = new Float32Array(n);
    SpikingRectifiedLinear.rates(J, rates, params);
    for (let i = 0; i < n; i++) {
      expect(rates[i]).toBeCloseTo(currents[i], 4);
      expect(Math.abs(counts[i] - rates[i])).toBeLessThan(1);
    }
  });

  it('emits amplitude / dt per spike and trains through RectifiedLinear', () => {
    const p = resolveParams(SpikingRectifiedLinear, { amplitude: 0.2 });
    const state = SpikingRectifiedLinear.initState(1, p, createRng(1));
    state.voltage[0] = 0;
    const out = new Float32Array(1);
    SpikingRectifiedLinear.step(dt, Float32Array.of(3000), out, state, p);
    expect(out[0]).toBeCloseTo(600, 3);
    expect(SpikingRectifiedLinear.surrogate!.type).toBe('RectifiedLinear');
    expect(SpikingRectifiedLinear.surrogate!.params(p)).toEqual({ amplitude: 0.2 });
  });
});

describe('SpikingRectifiedLinear at rest (restsWhen)', () => {
  it.each(kernels)('keeps J <= 0 neurons with voltages in [0, 1) unchanged and silent, in step and stepFloat32 ($kernel kernel)', ({ alloc }) => {
    const rest = SpikingRectifiedLinear.restsWhen!;
    const rng = createRng(9);
    const n = 4099; // SIMD body and tail
    const J = alloc(n);
    for (let i = 0; i < n; i++) J[i] = i % 7 === 0 ? 0 : i % 11 === 0 ? -0 : rest.inputAtMost - 1000 * rng.next();
    const [lo, hi] = rest.state.voltage;
    const v0 = allocNeuronArray(n);
    for (let i = 0; i < n; i++) v0[i] = i === 1 ? lo : i === 2 ? Math.fround(hi - 2 ** -24) : lo + (hi - lo) * rng.next();
    for (const float32 of [false, true]) {
      const state = { voltage: alloc(n) };
      state.voltage.set(v0);
      const out = alloc(n);
      const indexMemory = alloc(n);
      const [index, value] = [new Int32Array(indexMemory.buffer, indexMemory.byteOffset, n), alloc(n)];
      for (let t = 0; t < 50; t++) {
        const count = float32
          ? SpikingRectifiedLinear.stepFloat32!(dt, J, out, state, params, index, value)
          : SpikingRectifiedLinear.step(dt, J, out, state, params);
        expect(count).toBe(0);
      }
      expect(out.every((o) => o === 0)).toBe(true);
      expect(Array.from(state.voltage)).toEqual(Array.from(v0));
    }
    // just outside the rule, a neuron does move: J > 0 charges it, v = 1 spikes
    const state = { voltage: allocNeuronArray(2) };
    state.voltage.set([0.5, 1]);
    const out = allocNeuronArray(2);
    SpikingRectifiedLinear.step(dt, Float32Array.of(1, 0), out, state, params);
    expect(state.voltage[0]).toBeGreaterThan(0.5);
    expect(out[1]).toBe(1000);
  });
});
