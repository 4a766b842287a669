import { describe, expect, it } from 'vitest';
import { GraphBuilder, isSnnError, scalar, type Graph, type NeuronsNode } from '@snn/ir';
import { kerasToSnnGraph } from '../networks/keras-to-snn.js';
import { deepFreeze } from '../test-support/fixtures.js';
import { toQcfs } from './to-qcfs.js';


const neuronsOf = (g: Graph): NeuronsNode[] => g.nodes.filter((n): n is NeuronsNode => n.kind === 'neurons');

function errorOf(run: () => unknown): { code?: string; where?: string; message: string } {
  try {
    run();
  } catch (e) {
    return e as { code?: string; where?: string; message: string };
  }
  throw new Error('expected an error');
}

describe('toQcfs', () => {
  it('turns every ReLU population into QCFS with L levels and its own threshold, leaving the input untouched', () => {
    const graph = deepFreeze(kerasToSnnGraph(1));
    const q = toQcfs(graph, { levels: 4, threshold: { conv0_neurons: 2.5, conv1_neurons: 7 } });
    expect(neuronsOf(q).map((n) => [n.id, n.neuronType, n.params])).toEqual([
      ['conv0_neurons', 'QCFS', { levels: 4, threshold: 2.5 }],
      ['conv1_neurons', 'QCFS', { levels: 4, threshold: 7 }],
    ]);
    expect(neuronsOf(graph).every((n) => n.neuronType === 'RectifiedLinear' && n.params === undefined)).toBe(true);
    expect(q.nodes.find((n) => n.id === 'conv0')).toBe(graph.nodes.find((n) => n.id === 'conv0'));
  });

  it('keeps amplitude, gain and bias, and other neuron types', () => {
    const b = new GraphBuilder();
    const x = b.input('x', [3]);
    const r = b.neurons(x, { id: 'relu', neuronType: 'RectifiedLinear', params: { amplitude: 0.5 }, gain: scalar(2), bias: scalar(0.1) });
    b.output(b.neurons(r, { id: 'lif', neuronType: 'LIF' }), 'out');
    const q = toQcfs(b.build(), { levels: 8, threshold: 3 });
    const [relu, lif] = neuronsOf(q);
    expect(relu).toMatchObject({ neuronType: 'QCFS', params: { levels: 8, threshold: 3, amplitude: 0.5 }, gain: scalar(2), bias: scalar(0.1) });
    expect(lif.neuronType).toBe('LIF');
  });

  it('rejects bad levels and thresholds, incomplete or wrong maps, and graphs without ReLU populations, naming the culprit', () => {
    const graph = kerasToSnnGraph(1);
    const cases: Array<[() => unknown, string, string, RegExp]> = [
      [() => toQcfs(graph, { levels: 2.5, threshold: 1 }), 'TRAIN_BAD_OPTION', 'levels', /whole number/],
      [() => toQcfs(graph, { levels: 0, threshold: 1 }), 'TRAIN_BAD_OPTION', 'levels', />= 1/],
      [() => toQcfs(graph, { levels: 4, threshold: 0 }), 'TRAIN_BAD_OPTION', 'threshold', /finite and > 0/],
      [() => toQcfs(graph, { levels: 4, threshold: { conv0_neurons: 1 } }), 'TRAIN_BAD_OPTION', 'conv1_neurons', /no value for 'conv1_neurons'/],
      [() => toQcfs(graph, { levels: 4, threshold: { conv0_neurons: 1, conv1_neurons: Number.NaN } }), 'TRAIN_BAD_OPTION', 'conv1_neurons', /threshold of 'conv1_neurons' is NaN/],
      [() => toQcfs(graph, { levels: 4, threshold: { conv0: 1 } }), 'TRAIN_NOT_RELU', 'conv0', /not a RectifiedLinear neurons node/],
      [() => toQcfs(graph, { levels: 4, threshold: { nope: 1 } }), 'TRAIN_UNKNOWN_NODE', 'nope', /not a node of the graph; ReLU nodes: conv0_neurons, conv1_neurons/],
      [() => toQcfs(kerasToSnnGraph(1, 'LIF'), { levels: 4, threshold: 1 }), 'TRAIN_NOT_RELU', 'graph', /no RectifiedLinear neurons nodes .*neuron types: LIF/],
    ];
    for (const [run, code, where, message] of cases) {
      const e = errorOf(run);
      expect(isSnnError(e, code), e.message).toBe(true);
      expect(e.where).toBe(where);
      expect(e.message).toMatch(message);
    }
  });
});
