import { describe, expect, it } from 'vitest';
import { createCompartment } from './compartment-config.js';
import { configureDefaultFilter, configureFilter } from './configure-filter.js';
import { configureLif } from './configure-neuron.js';
import { discretizeBlock } from './discretize-block.js';

const dt = 0.001;
const lif = (label: string, bias: number[]) => configureLif(createCompartment(2, { label, bias }), { tauRc: 0.02, tauRef: 0.002 });

/** Trace B's connection a -> b: transform [[0.5, -0.25], [0.1, 0]] (post x pre), as weights axon x compartment, /dt. */
function traceBWeights(): Float32Array {
  const transform = [[0.5, -0.25], [0.1, 0.0]];
  const w = new Float32Array(4);
  for (let axon = 0; axon < 2; axon++) for (let c = 0; c < 2; c++) w[axon * 2 + c] = transform[c]![axon]! / dt;
  return w;
}

describe('discretizeBlock (spec §6.2 Trace B)', () => {
  it('block a (biases [20, 5], no synapses): vth 536704, bias [524160, 131040]', () => {
    const a = discretizeBlock(configureDefaultFilter(lif('a', [20, 5]), 0.005));
    expect(Array.from(a.vth)).toEqual([536704, 536704]);
    expect(Array.from(a.bias)).toEqual([524160, 131040]);
    expect(a.synapses).toEqual([]);
  });

  it('block b: w_max 500, w_scale 0.51, w_exp 0, v_scale, b_scale, vth 3712, bias [90, 270], W_int', () => {
    const b = discretizeBlock(configureFilter(lif('b', [0.5, 1.5]), 0.005), [{ weights: traceBWeights() }]);
    expect(b.wMax).toBe(500);
    expect(b.wScale).toBe(0.51);
    expect(b.wExp).toBe(0);
    expect(b.vScale).toBeCloseTo(3689.81158, 5);
    expect(b.bScale).toBeCloseTo(180.17696, 5);
    expect(Array.from(b.vth)).toEqual([3712, 3712]);
    expect(Array.from(b.bias)).toEqual([90, 270]);
    const [syn] = b.synapses;
    expect(syn!.weightExp).toBe(0);
    expect(syn!.dwExp).toBe(0);
    expect(Array.from(syn!.weights)).toEqual([16256, 3328, -8192, 0]);
  });

  it('reports the quantization error per synapse against w*w_scale*2^(6+w_exp)', () => {
    const b = discretizeBlock(configureFilter(lif('b', [0.5, 1.5]), 0.005), [{ weights: traceBWeights() }]);
    const q = b.synapses[0]!.quantization;
    expect(q.weightScale).toBe(0.51 * 64);
    // 500 -> 255*64 = 16320 stored as 16256; 100 -> 3264 stored as 3328; -250 -> -8160 stored as -8192.
    expect(q.maxAbsError).toBeCloseTo(64, 9);
    expect(q.relativeError).toBeCloseTo(64 / 16320, 12);
  });

  it('gives a synapse with smaller weights extra bits: dw_exp = floor(log2(w_max/w_max_syn))', () => {
    const big = new Float64Array([500, -100]);
    const small = new Float64Array([60, -30]); // 500/60 = 8.33 -> dw_exp 3, weight_exp -3
    const b = discretizeBlock(configureFilter(lif('c', [0.5, 1.5]), 0.005), [{ weights: big }, { weights: small }]);
    const s = b.synapses[1]!;
    expect([s.dwExp, s.weightExp]).toEqual([3, -3]);
    // w' = 60*0.51*8 = 244.8 -> q = round(122.4) = 122; s2 = 1 - 3 = -2: round(122/4)*4 = 120 -> 30 -> 30<<6.
    expect(s.weights[0]).toBe(30 << 6);
    // -30*0.51*8 = -122.4 -> q -61 -> round(-15.25)*4 = -60 -> -15 -> -960
    expect(s.weights[1]).toBe(-15 << 6);
  });

  it('does not change its inputs', () => {
    const comp = configureFilter(lif('b', [0.5, 1.5]), 0.005);
    const w = traceBWeights();
    const before = [Array.from(comp.bias), Array.from(comp.vth), Array.from(w)];
    discretizeBlock(comp, [{ weights: w }]);
    expect([Array.from(comp.bias), Array.from(comp.vth), Array.from(w)]).toEqual(before);
  });
});
