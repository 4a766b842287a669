import { describe, expect, it } from 'vitest';
import { createCompartment } from './compartment-config.js';
import { configureDefaultFilter, configureFilter } from './configure-filter.js';
import { configureLif, configureNonspiking, configureRelu } from './configure-neuron.js';

describe('createCompartment (spec §2.1 defaults)', () => {
  it('decay_u 1, decay_v 0, scale_u true, scale_v false, vmin 0, vmax inf, refract 0, vth 0, bias 0', () => {
    const c = createCompartment(2);
    expect([c.decayU, c.decayV, c.scaleU, c.scaleV, c.vmin, c.vmax, c.refractDelay]).toEqual([1, 0, true, false, 0, Infinity, 0]);
    expect([...c.vth, ...c.bias]).toEqual([0, 0, 0, 0]);
  });
});

describe('configureFilter (spec §2.1)', () => {
  it('decay_u = -expm1(-dt/tau_s); tau_s 0 -> 1', () => {
    expect(configureFilter(createCompartment(1), 0.005).decayU).toBe(-Math.expm1(-0.001 / 0.005));
    expect(configureFilter(createCompartment(1), 0).decayU).toBe(1);
  });
  it('keeps the larger tau_s, with Nengo Loihi warnings', () => {
    const warnings: string[] = [];
    const onWarning = (m: string) => warnings.push(m);
    const c1 = configureFilter(createCompartment(1), 0.01);
    const kept = configureFilter(c1, 0.005, { onWarning });
    expect(kept.tauS).toBe(0.01);
    const over = configureFilter(c1, 0.02, { onWarning });
    expect(over.tauS).toBe(0.02);
    expect(over.decayU).toBe(-Math.expm1(-0.001 / 0.02));
    expect(warnings).toEqual([
      'tau_s is already set to 0.01, which is larger than 0.005. Using 0.01.',
      'tau_s is currently 0.01, which is smaller than 0.02. Overwriting tau_s with 0.02.',
    ]);
  });
  it('the default filter does not replace a configured one', () => {
    const c = configureFilter(createCompartment(1), 0.01);
    expect(configureDefaultFilter(c, 0.005)).toBe(c);
    expect(configureDefaultFilter(createCompartment(1), 0.005).decayU).toBe(-Math.expm1(-0.001 / 0.005));
  });
  it('throws the Current (U) scaling BuildError for a very long tau_s', () => {
    expect(() => configureFilter(createCompartment(1, { label: 'ens' }), 10)).toThrow(
      'Compartment(ens): Current (U) scaling is required. Perhaps a synapse time constant is too large in your model.',
    );
  });
  it('does not change its input', () => {
    const c = createCompartment(1);
    configureFilter(c, 0.005);
    expect(c.decayU).toBe(1);
  });
});

describe('configureLif / configureRelu / configureNonspiking (spec §2.1)', () => {
  it('LIF: decay_v = -expm1(-dt/tau_rc), refract = round(tau_ref/dt) + 1, vmin = min_voltage, scale_v', () => {
    const c = configureLif(createCompartment(2), { tauRc: 0.02, tauRef: 0.002, vth: 1, minVoltage: -1 });
    expect([c.decayV, c.refractDelay, c.vmin, c.vmax, c.scaleV]).toEqual([-Math.expm1(-0.001 / 0.02), 3, -1, Infinity, true]);
    expect(Array.from(c.vth)).toEqual([1, 1]);
    // round(0.0025/0.001) = round(2.5) = 2 (ties to even).
    expect(configureLif(createCompartment(1), { tauRef: 0.0025 }).refractDelay).toBe(3);
  });
  it('LIF: throws the Voltage (V) scaling BuildError when tau_rc is too large', () => {
    expect(() => configureLif(createCompartment(1, { label: 'x' }), { tauRc: 10 })).toThrow(
      'Compartment(x): Voltage (V) scaling is required with LIF neurons. Perhaps the neuron tau_rc time constant is too large.',
    );
  });
  it('ReLU: decay_v 0, refract 1, no voltage scaling, vth as given', () => {
    const c = configureRelu(createCompartment(1), { vth: 1000 });
    expect([c.decayV, c.refractDelay, c.scaleV, c.vth[0]]).toEqual([0, 1, false, 1000]);
  });
  it('nonspiking: decay_v 1, refract 1, vth 10 for probe decode blocks', () => {
    const c = configureNonspiking(createCompartment(1), { vth: 10 });
    expect([c.decayV, c.refractDelay, c.scaleV, c.vth[0]]).toEqual([1, 1, false, 10]);
  });
});
