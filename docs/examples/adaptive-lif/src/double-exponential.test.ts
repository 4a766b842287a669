import { beforeAll, describe, expect, it } from 'vitest';
import { GraphBuilder, isSnnError, scalar } from '@snn/ir';
import { createNeuronRegistry } from '@snn/neurons';
import { compile, initBackend } from '@snn/sim';
import { createSynapseRegistry, filterSeries } from '@snn/synapses';
import { doubleExponential } from './double-exponential.js';

const dt = 0.001;
const tauRise = 0.002;
const tauDecay = 0.01;
const spec = { type: 'doubleExponential', params: { tauRise, tauDecay } };
/** Step response of 1 / ((tauRise s + 1)(tauDecay s + 1)) at time t. */
const stepResponse = (t: number): number => 1 - (tauDecay * Math.exp(-t / tauDecay) - tauRise * Math.exp(-t / tauRise)) / (tauDecay - tauRise);

beforeAll(async () => {
  await initBackend();
});

describe('doubleExponential (a synapse defined outside the packages)', () => {
  it('zero-order hold is exact: the step response at t = (k + 1) dt is the analytic one', () => {
    const y = filterSeries(doubleExponential.discretize(spec, dt), new Float32Array(100).fill(1));
    let worst = 0;
    for (let k = 0; k < 100; k++) worst = Math.max(worst, Math.abs(y[k] - stepResponse((k + 1) * dt)));
    expect(worst).toBeLessThan(1e-6);
    expect(y[99]).toBeGreaterThan(0.99);
  });

  it('filters the edges of a graph in @snn/sim (one step of synapse delay, as for the built-in synapses)', () => {
    const b = new GraphBuilder();
    const relu = b.neurons(b.input('x', [1]), { id: 'relu', neuronType: 'RectifiedLinear', gain: scalar(1) });
    b.output(relu, 'out', { synapse: spec });
    const synapses = createSynapseRegistry().register(doubleExponential);
    const sim = compile(b.build(), { neurons: createNeuronRegistry(), synapses });
    const out = sim.run({ x: Float32Array.of(1) }, { nSteps: 60, probes: { y: { node: 'out', keep: 'all' } } }).probes.y.data;
    sim.dispose();
    const reference = filterSeries(doubleExponential.discretize(spec, dt), new Float32Array(60).fill(1));
    const offset = out.findIndex((v) => v > 0);
    expect(offset).toBe(1); // the output edge's synapse delays the constant input by exactly one step
    for (let t = offset; t < 60; t++) expect(out[t]).toBeCloseTo(reference[t - offset], 5);
    expect(out[59]).toBeCloseTo(stepResponse((60 - offset) * dt), 5);
  });

  it('names a missing time constant and the fix', () => {
    let error: unknown;
    try {
      doubleExponential.discretize({ type: 'doubleExponential', params: { tauRise } }, dt);
    } catch (e) {
      error = e;
    }
    expect(isSnnError(error) && error.code).toBe('SYNAPSE_INVALID_PARAM');
    expect((error as Error).message).toMatch(/tauDecay.*> 0 seconds/);
  });
});
