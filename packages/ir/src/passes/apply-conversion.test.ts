import { describe, expect, it } from 'vitest';
import type { Graph, NeuronsNode } from '../types.js';
import { GraphBuilder } from '../builder.js';
import { getNode } from '../graph-access.js';
import { param } from '../param.js';
import { inferShapes } from '../shapes.js';
import { isSnnError } from '../errors.js';
import { graphText, runPure } from '../test-support/pure-pass.js';
import { applyConversion } from './apply-conversion.js';
import type { ConversionOptions } from './conversion-options.js';
import { foldBatchNorm } from './fold-batch-norm.js';
import { maxToAvgPool } from './max-to-avg-pool.js';
import { scaleFiringRates } from './scale-firing-rates.js';
import { scaleInputs } from './scale-inputs.js';
import { setSynapses } from './set-synapses.js';
import { swapNeurons } from './swap-neurons.js';

const ramp = (n: number, k = 1): Float32Array => Float32Array.from({ length: n }, (_, i) => Math.sin(k * (i + 1)));

/** x [5, 5, 1] -> conv 2x2 (valid) -> batch norm -> relu -> max pool -> flatten -> dense -> sigmoid -> dense -> out. */
function convNet(metadata?: Record<string, unknown>): Graph {
  const b = new GraphBuilder();
  const conv = b.conv(b.input('x', [5, 5, 1]), { id: 'conv', kernel: param(ramp(8), [2, 2, 1, 2]), bias: param([0.1, -0.2], [2]), padding: 'valid' });
  const bn = b.affine(conv, { id: 'bn', scale: param([2, 0.5], [2]), bias: param([0.25, 1], [2]) });
  const relu = b.neurons(bn, { id: 'relu', neuronType: 'RectifiedLinear' });
  const pool = b.maxPool(relu, { id: 'pool', window: [2, 2] });
  const d1 = b.dense(b.reshape(pool, [8], { id: 'flat' }), { id: 'd1', weights: param(ramp(24, 2), [8, 3]), bias: param([1, 2, 3], [3]) });
  const sig = b.neurons(d1, { id: 'sig', neuronType: 'Sigmoid', params: { tauRef: 1 } });
  b.output(b.dense(sig, { id: 'd2', weights: param(ramp(6, 3), [3, 2]) }), 'out');
  const g = b.build();
  return metadata ? { ...g, metadata } : g;
}

const lowpass = { type: 'lowpass', params: { tau: 0.005 } };
const options: ConversionOptions = {
  inputScaling: { scale: 1 / 255 },
  maxToAvgPool: true,
  swapNeurons: { byType: { RectifiedLinear: 'SpikingRectifiedLinear' } },
  scaleFiringRates: 10,
  synapse: lowpass,
};
const hasAmplitude = (t: string): boolean => t !== 'Sigmoid' && t !== 'Tanh';
const neurons = (g: Graph, id: string): NeuronsNode => getNode(g, id) as NeuronsNode;

describe('applyConversion', () => {
  it('applies every option to any graph: affines folded, pools averaged, types swapped, rates scaled, synapses placed', () => {
    const { before, after } = runPure(convNet(), (g) => applyConversion(g, options, { hasAmplitude }).graph);
    expect(after.nodes.map((n) => n.kind)).toEqual(before.nodes.filter((n) => n.kind !== 'affine').map((n) => n.kind));
    expect(getNode(after, 'pool')).toMatchObject({ op: 'avg', padding: 'valid' });
    expect(neurons(after, 'relu')).toMatchObject({ neuronType: 'SpikingRectifiedLinear', params: { amplitude: 0.1 } });
    expect(neurons(after, 'relu').gain?.data[0]).toBe(10);
    expect(neurons(after, 'sig').params).toEqual({ tauRef: 1 });
    expect(after.edges.filter((e) => e.synapse).map((e) => e.source)).toEqual(['relu', 'sig']);
    expect(after.metadata?.conversion).toEqual({ ...options, foldBatchNorm: true });
    expect(after.metadata?.foldedBatchNorm).toEqual([{ node: 'bn', into: 'conv' }, { node: 'x/scaling', into: 'conv' }]);
    inferShapes(after);
  });

  it('is the passes applied one by one in NengoDL order (fold, input scaling + fold, max->avg, swap, scale, synapse)', () => {
    let g = foldBatchNorm(convNet());
    g = foldBatchNorm(scaleInputs(g, { scale: 1 / 255 }));
    g = maxToAvgPool(g);
    g = swapNeurons(g, { RectifiedLinear: 'SpikingRectifiedLinear' });
    g = scaleFiringRates(g, 10, { hasAmplitude });
    g = setSynapses(g, lowpass);
    const { graph } = applyConversion(convNet(), options, { hasAmplitude });
    expect(graphText({ ...graph, metadata: {} })).toBe(graphText({ ...g, metadata: {} }));
  });

  it('converting in two steps gives the same graph, bit for bit, as converting in one (affines fold in one canonical order)', () => {
    const once = applyConversion(convNet(), options, { hasAmplitude }).graph;
    const plain = applyConversion(convNet(), {}, { hasAmplitude }).graph;
    const twice = applyConversion(plain, options, { hasAmplitude }).graph;
    expect(graphText(twice)).toBe(graphText(once));
  });

  it('types without amplitude are scaled in gain only, with NengoDL\'s warning in notes', () => {
    const { notes, graph } = applyConversion(convNet(), { scaleFiringRates: { sig: 4 } }, { hasAmplitude });
    expect(neurons(graph, 'sig')).toMatchObject({ params: { tauRef: 1 } });
    expect([...(neurons(graph, 'sig').bias?.data ?? [])]).toEqual([]);
    expect(neurons(graph, 'sig').gain?.data[0]).toBe(4);
    expect(notes).toEqual(["Firing rate scaling being applied to activation type that does not support amplitude (Sigmoid, node 'sig'); this will change the output"]);
  });

  it('neuron swaps: byNode wins over byType, which wins over all', () => {
    const swap = { all: 'LIF', byType: { Sigmoid: 'Tanh' }, byNode: { relu: { neuronType: 'SpikingRectifiedLinear', params: {} } } };
    const { graph } = applyConversion(convNet(), { swapNeurons: swap });
    expect([neurons(graph, 'relu'), neurons(graph, 'sig')].map((n) => [n.neuronType, n.params])).toEqual([
      ['SpikingRectifiedLinear', undefined],
      ['Tanh', { tauRef: 1 }],
    ]);
    expect(neurons(applyConversion(convNet(), { swapNeurons: { all: 'LIF' } }).graph, 'relu').neuronType).toBe('LIF');
    expect(() => applyConversion(convNet(), { swapNeurons: { byNode: { d1: 'LIF' } } })).toThrow(/swapNeurons\.byNode names node 'd1' \(dense\)/);
  });

  it('per-node synapses go on the edges leaving the listed nodes after the neurons-wide synapse; null removes', () => {
    const alpha = { type: 'alpha', params: { tau: 0.01 } };
    const { graph } = applyConversion(convNet(), { synapse: lowpass, nodeSynapses: { sig: alpha, relu: null, d1: lowpass } });
    expect(graph.edges.filter((e) => e.synapse).map((e) => [e.source, e.synapse?.type])).toEqual([
      ['d1', 'lowpass'],
      ['sig', 'alpha'],
    ]);
  });

  it('inference-only entries follow the node their batch norm was folded into; settings merge over earlier ones', () => {
    const inferenceOnly = [{ layer: 'bn_1', node: 'bn', reason: 'trainable BatchNormalization' }, { layer: 'd', node: 'd1', reason: 'kernel_regularizer ignored' }];
    const { graph } = applyConversion(convNet({ inferenceOnly, conversion: { dataFormat: 'channels_last' } }), { synapse: null });
    expect(graph.metadata?.inferenceOnly).toEqual([{ ...inferenceOnly[0], node: 'conv' }, inferenceOnly[1]]);
    expect(graph.metadata?.conversion).toEqual({ dataFormat: 'channels_last', foldBatchNorm: true, synapse: null });
  });

  it('applying a firing-rate scale or input scaling again says that the effects multiply', () => {
    const once = applyConversion(convNet(), { scaleFiringRates: 10 }).graph;
    const { notes, graph } = applyConversion(once, { scaleFiringRates: 2 });
    expect(notes).toEqual(['the graph was already converted with scaleFiringRates 10; 2 applies on top of it (the effects multiply)']);
    expect(neurons(graph, 'relu').gain?.data[0]).toBe(20);
  });

  it('unknown options and bad values are errors naming them', () => {
    try {
      applyConversion(convNet(), { scaleFiringRate: 2 } as ConversionOptions);
      expect.unreachable();
    } catch (e) {
      expect(isSnnError(e, 'IR_BAD_ARGUMENT')).toBe(true);
      expect((e as Error).message).toContain("unknown option 'scaleFiringRate'; options: inputScaling, foldBatchNorm, maxToAvgPool, swapNeurons, scaleFiringRates");
    }
    expect(() => applyConversion(convNet(), { scaleFiringRates: { d1: 2 } })).toThrow(/node 'd1' \(dense\)/);
    expect(() => applyConversion(convNet(), { synapse: { type: 'lowpass', params: { tau: Number.NaN } } })).toThrow(/'tau'/);
  });
});
