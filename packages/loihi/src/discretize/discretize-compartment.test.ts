import { describe, expect, it } from 'vitest';
import { createCompartment } from './compartment-config.js';
import { configureDefaultFilter, configureFilter } from './configure-filter.js';
import { configureLif, configureRelu } from './configure-neuron.js';
import { discretizeCompartment } from './discretize-compartment.js';

/** Trace A (spec §6.2): one LIF compartment, tau_rc 0.02, tau_ref 0.002, default filter 0.005, bias J. */
function traceA(j: number) {
  const comp = configureLif(configureDefaultFilter(createCompartment(1, { label: 'a', bias: j }), 0.005), { tauRc: 0.02, tauRef: 0.002 });
  return discretizeCompartment(comp, 0);
}

describe('discretizeCompartment, no weights and a bias (spec §6.2 Trace A)', () => {
  it('J=2: decays, infactors, scales, threshold and bias mantissa/exponent, vmin/vmax', () => {
    const d = traceA(2);
    expect([d.decayU, d.decayV, d.refractDelay]).toEqual([741, 200, 3]);
    expect(d.uInfactor).toBeCloseTo(0.1811552375, 10);
    expect(d.vInfactor).toBeCloseTo(0.04883093784, 11);
    expect(d.bScale).toBe(262080);
    expect(d.vScale).toBeCloseTo(5367089.219, 3);
    expect([d.vthMan[0], d.vth[0]]).toEqual([83861, 5367104]);
    expect([d.biasMan[0], d.biasExp[0], d.bias[0]]).toEqual([4095, 7, 524160]);
    expect([d.vmin, d.vmax]).toEqual([0, 8388607]);
  });
  it('J=10: b_scale 52416, vth_man 16772 (vth 1073408), bias 4095*2^7', () => {
    const d = traceA(10);
    expect(d.bScale).toBe(52416);
    expect([d.vthMan[0], d.vth[0]]).toEqual([16772, 1073408]);
    expect(d.bias[0]).toBe(4095 * 2 ** 7);
  });
});

describe('discretizeCompartment, spiking ReLU (vth 1/dt, spec §6.2)', () => {
  const relu = (j: number) =>
    discretizeCompartment(configureRelu(configureDefaultFilter(createCompartment(1, { bias: j }), 0.005), { vth: 1 / 0.001 }), 0);
  it('J=300 -> vth 1747200, 500 -> 1048320, 501 -> 1046208', () => {
    expect(relu(300).vth[0]).toBe(1747200);
    expect(relu(500).vth[0]).toBe(1048320);
    expect(relu(501).vth[0]).toBe(1046208);
  });
  it('has no voltage decay, no voltage scaling and no refractory period', () => {
    const d = relu(300);
    expect([d.decayV, d.vInfactor, d.refractDelay]).toEqual([0, 1, 1]);
  });
});

describe('discretizeCompartment, neither weights nor bias', () => {
  it('maps the largest threshold near 2^21: v_scale = (2^21 - 1)/(max vth + 1)', () => {
    const comp = configureRelu(configureFilter(createCompartment(3, { label: 'z' }), 0), { vth: 1 });
    const d = discretizeCompartment(comp, 0);
    expect(d.vScale).toBe((2 ** 21 - 1) / 2);
    expect(Array.from(d.vth)).toEqual([1048576, 1048576, 1048576]); // round(1048575.5/64) = 16384
    expect(Array.from(d.bias)).toEqual([0, 0, 0]);
    expect(d.wScale).toBe((d.vScale * d.uInfactor) / 64);
  });
});

describe('discretizeCompartment errors (spec §6.1)', () => {
  it('test_bad_bias_scaling_error: configure_lif(tau_rc=5, vth=1e8), bias 1000', () => {
    const comp = configureLif(createCompartment(10, { label: 'mylab', bias: 1000 }), { tauRc: 5, vth: 1e8 });
    expect(() => discretizeCompartment(comp, 0)).toThrow(/Compartment\(mylab\): Could not find appropriate bias scaling/);
  });
  it('test_bad_weight_exponent_error: weights 1e-8/dt, tau_rc 5, synapse 5', () => {
    const comp = configureLif(configureFilter(createCompartment(5, { label: 'b', bias: 0.5 }), 5), { tauRc: 5 });
    expect(() => discretizeCompartment(comp, 1e-8 / 0.001)).toThrow(/Compartment\(b\): Could not find appropriate weight exponent/);
  });
  it('the errors carry the LOIHI_BUILD code', () => {
    const comp = configureLif(createCompartment(1, { label: 'c', bias: 1000 }), { tauRc: 5, vth: 1e8 });
    expect(() => discretizeCompartment(comp, 0)).toThrow(expect.objectContaining({ code: 'LOIHI_BUILD' }));
  });
});
