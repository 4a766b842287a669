import { describe, expect, it } from 'vitest';
import type { Graph, NeuronsNode } from '../types.js';
import { GraphBuilder } from '../builder.js';
import { param, scalar, zeros } from '../param.js';
import { getNode } from '../graph-access.js';
import { inferShapes } from '../shapes.js';
import { isSnnError } from '../errors.js';
import { swapNeurons } from './swap-neurons.js';
import { scaleFiringRates } from './scale-firing-rates.js';
import { setSynapses } from './set-synapses.js';
import { deepFreeze, runPure } from '../test-support/pure-pass.js';

/** x -> dense -> relu (amplitude 2, bias) -> dense -> lif (per-neuron gain, no bias) -> out. */
function network(): Graph {
  const b = new GraphBuilder();
  const x = b.input('x', [3]);
  const d0 = b.dense(x, { id: 'd0', weights: param([1, 2, 3, 4, 5, 6], [3, 2]) });
  const relu = b.neurons(d0, { id: 'relu', neuronType: 'RectifiedLinear', params: { amplitude: 2 }, bias: param([0.5, -1.5], [2]) });
  const d1 = b.dense(relu, { id: 'd1', weights: zeros([2, 2]) });
  const lif = b.neurons(d1, { id: 'lif', neuronType: 'LIF', params: { tauRc: 0.02 }, gain: param([1, 3], [2]) });
  b.output(lif, 'out');
  return deepFreeze(b.build());
}

/** Run `pass` on a frozen graph and check the input is unchanged, bit for bit. */
function pure(pass: (g: Graph) => Graph): { before: Graph; after: Graph } {
  const { before, after } = runPure(network(), pass);
  expect(after).not.toBe(before);
  inferShapes(after);
  return { before, after };
}

const neurons = (g: Graph, id: string): NeuronsNode => getNode(g, id) as NeuronsNode;

describe('swapNeurons', () => {
  it('maps type names, keeping params, gain and bias', () => {
    const { before, after } = pure((g) => swapNeurons(g, { RectifiedLinear: 'SpikingRectifiedLinear' }));
    const relu = neurons(after, 'relu');
    expect(relu.neuronType).toBe('SpikingRectifiedLinear');
    expect(relu.params).toEqual({ amplitude: 2 });
    expect(relu.bias).toBe(neurons(before, 'relu').bias);
    expect(neurons(after, 'lif')).toBe(neurons(before, 'lif'));
  });

  it('takes a function returning type and params, or undefined to keep the node', () => {
    const { after } = pure((g) => swapNeurons(g, (n) => (n.neuronType === 'LIF' ? { neuronType: 'LIFRate', params: { tauRc: 0.05 } } : undefined)));
    expect(neurons(after, 'lif').neuronType).toBe('LIFRate');
    expect(neurons(after, 'lif').params).toEqual({ tauRc: 0.05 });
    expect(neurons(after, 'relu').neuronType).toBe('RectifiedLinear');
  });

  it('rejects an empty replacement name', () => {
    expect(() => swapNeurons(network(), { LIF: '' })).toThrow(/node 'lif' \(neurons\)/);
  });

  it('a type name swaps every neurons node, keeping params', () => {
    const { after } = pure((g) => swapNeurons(g, 'SpikingRectifiedLinear'));
    expect([neurons(after, 'relu'), neurons(after, 'lif')].map((n) => [n.neuronType, n.params])).toEqual([
      ['SpikingRectifiedLinear', { amplitude: 2 }],
      ['SpikingRectifiedLinear', { tauRc: 0.02 }],
    ]);
  });

  it("{ by: 'node' } reads the keys as neurons node ids; others untouched; unknown or non-neurons ids throw", () => {
    const { before, after } = pure((g) => swapNeurons(g, { lif: { neuronType: 'LIFRate', params: { tauRc: 0.05 } } }, { by: 'node' }));
    expect(neurons(after, 'lif')).toMatchObject({ neuronType: 'LIFRate', params: { tauRc: 0.05 } });
    expect(neurons(after, 'relu')).toBe(neurons(before, 'relu'));
    expect(() => swapNeurons(network(), { LIF: 'LIFRate' }, { by: 'node' })).toThrow(/the swap map names 'LIF', which is not a node of the graph/);
    expect(() => swapNeurons(network(), { d1: 'LIF' }, { by: 'node' })).toThrow(/node 'd1' \(dense\); only neurons nodes have a neuron type/);
  });

  it('new params replace the old, except amplitude (firing-rate scaling), which is carried over; empty params are dropped', () => {
    const fresh = pure((g) => swapNeurons(g, { RectifiedLinear: { neuronType: 'LIF', params: { tauRc: 0.05 } } })).after;
    expect(neurons(fresh, 'relu').params).toEqual({ tauRc: 0.05, amplitude: 2 });
    const set = swapNeurons(network(), { RectifiedLinear: { neuronType: 'LIF', params: { amplitude: 0.5 } } });
    expect(neurons(set, 'relu').params).toEqual({ amplitude: 0.5 });
    const empty = swapNeurons(network(), { LIF: { neuronType: 'SpikingRectifiedLinear', params: {} } });
    expect('params' in neurons(empty, 'lif')).toBe(false);
  });
});

describe('scaleFiringRates (spec §5.2)', () => {
  it('global s: gain = s (or gain*s), bias*s, amplitude (2 -> 2/s, absent -> 1/s)', () => {
    const s = 5;
    const { after } = pure((g) => scaleFiringRates(g, s));
    const relu = neurons(after, 'relu');
    expect(relu.gain).toEqual(scalar(s));
    expect([...relu.bias!.data]).toEqual([0.5 * s, -1.5 * s]);
    expect(relu.params?.amplitude).toBe(2 / s);
    const lif = neurons(after, 'lif');
    expect([...lif.gain!.data]).toEqual([1 * s, 3 * s]);
    expect(lif.bias).toBeUndefined();
    expect(lif.params).toEqual({ tauRc: 0.02, amplitude: 1 / s });
  });

  it('per-node map: listed nodes scaled, others untouched', () => {
    const { before, after } = pure((g) => scaleFiringRates(g, { relu: 10 }));
    expect(neurons(after, 'relu').params?.amplitude).toBeCloseTo(0.2, 12);
    expect(neurons(after, 'relu').gain).toEqual(scalar(10));
    expect(neurons(after, 'lif')).toBe(neurons(before, 'lif'));
  });

  it('keeps ReLU outputs: (1/s) * amplitude * max(0, s*(x) + s*b) equals the unscaled output', () => {
    const { before, after } = pure((g) => scaleFiringRates(g, 7));
    const out = (n: NeuronsNode, x: number, i: number): number =>
      (n.params?.amplitude ?? 1) * Math.max(0, (n.gain ? n.gain.data[n.gain.data.length === 1 ? 0 : i] : 1) * x + (n.bias?.data[i] ?? 0));
    for (const x of [-3, 0.2, 1, 40]) for (const i of [0, 1]) expect(out(neurons(after, 'relu'), x, i)).toBeCloseTo(out(neurons(before, 'relu'), x, i), 5);
  });

  it('types without amplitude (hasAmplitude false): gain and bias scaled, params untouched, one warning per node (spec §5.2)', () => {
    const warnings: string[] = [];
    const { after } = pure((g) => scaleFiringRates(g, 4, { hasAmplitude: (t) => t !== 'RectifiedLinear', warn: (m) => warnings.push(m) }));
    const relu = neurons(after, 'relu');
    expect(relu.params).toEqual({ amplitude: 2 });
    expect(relu.gain).toEqual(scalar(4));
    expect([...relu.bias!.data]).toEqual([2, -6]);
    expect(neurons(after, 'lif').params).toEqual({ tauRc: 0.02, amplitude: 0.25 });
    expect(warnings).toEqual([
      "Firing rate scaling being applied to activation type that does not support amplitude (RectifiedLinear, node 'relu'); this will change the output",
    ]);
  });

  it('spec §5.2 case: SpikingRectifiedLinear, s = 5, bias 50: gain 5, bias 250, spike height amplitude/dt = 1/dt/5', () => {
    const b = new GraphBuilder();
    const d = b.dense(b.input('x', [1]), { id: 'd', weights: param([1], [1, 1]) });
    b.output(b.neurons(d, { id: 'n', neuronType: 'SpikingRectifiedLinear', bias: param([50], [1]) }), 'out');
    const n = neurons(scaleFiringRates(deepFreeze(b.build()), 5), 'n');
    const dt = 0.001;
    expect([n.gain!.data[0], n.bias!.data[0], n.params!.amplitude / dt]).toEqual([5, 250, 1 / dt / 5]);
  });

  it('errors: unknown id, non-neurons node, bad factor', () => {
    const g = network();
    const expectCode = (fn: () => unknown, code: string, text: string): void => {
      try {
        fn();
        expect.unreachable();
      } catch (e) {
        expect(isSnnError(e, code), String(e)).toBe(true);
        expect((e as Error).message).toContain(text);
      }
    };
    expectCode(() => scaleFiringRates(g, { conv9: 2 }), 'IR_UNKNOWN_NODE', "'conv9'");
    expectCode(() => scaleFiringRates(g, { d0: 2 }), 'IR_BAD_ARGUMENT', "node 'd0' (dense)");
    expectCode(() => scaleFiringRates(g, 0), 'IR_BAD_ARGUMENT', 'positive');
    expectCode(() => scaleFiringRates(g, { relu: Number.NaN }), 'IR_BAD_ARGUMENT', "'relu'");
  });
});

describe('setSynapses (spec §5.3)', () => {
  const lowpass = { type: 'lowpass', params: { tau: 0.01 } };

  it('puts the synapse on edges leaving neurons nodes only, output probes included', () => {
    const { after } = pure((g) => setSynapses(g, lowpass));
    const syn = Object.fromEntries(after.edges.map((e) => [`${e.source}->${e.target}`, e.synapse]));
    expect(syn).toEqual({ 'x->d0': undefined, 'd0->relu': undefined, 'relu->d1': lowpass, 'd1->lif': undefined, 'lif->out': lowpass });
  });

  it("'all' and predicate selectors; null clears", () => {
    const all = pure((g) => setSynapses(g, lowpass, { where: 'all' })).after;
    expect(all.edges.every((e) => e.synapse?.type === 'lowpass')).toBe(true);
    const cleared = setSynapses(deepFreeze(all), null);
    expect(cleared.edges.filter((e) => e.synapse).map((e) => e.source)).toEqual(['x', 'd0', 'd1']);
    expect(setSynapses(all, null, { where: 'all' }).edges.every((e) => !('synapse' in e))).toBe(true);
    const intoOut = setSynapses(network(), lowpass, { where: (_e, _s, t) => t.kind === 'output' });
    expect(intoOut.edges.filter((e) => e.synapse).map((e) => e.target)).toEqual(['out']);
  });

  it('a list of node ids changes the edges leaving those nodes, whatever their kind; unknown ids throw', () => {
    const { after } = pure((g) => setSynapses(g, lowpass, { where: ['x', 'lif'] }));
    expect(after.edges.filter((e) => e.synapse).map((e) => `${e.source}->${e.target}`)).toEqual(['x->d0', 'lif->out']);
    expect(() => setSynapses(network(), lowpass, { where: ['nope'] })).toThrow(/names 'nope', which is not a node of the graph; known nodes: 'x'/);
  });

  it('validates the spec', () => {
    expect(() => setSynapses(network(), { type: 'lowpass', params: { tau: Infinity } })).toThrow(/'tau'/);
  });
});
