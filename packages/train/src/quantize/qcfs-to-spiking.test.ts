import { describe, expect, it } from 'vitest';
import { GraphBuilder, isSnnError, param, scalar, type Graph, type NeuronsNode } from '@snn/ir';
import { deepFreeze, kerasToSnnGraph } from '../testing/fixtures.js';
import { qcfsToSpiking } from './qcfs-to-spiking.js';
import { toQcfs } from './to-qcfs.js';


const node = (g: Graph, id: string): NeuronsNode => g.nodes.find((n) => n.id === id) as NeuronsNode;

describe('qcfsToSpiking', () => {
  it('gives each QCFS population integrate-and-fire neurons: gain and bias over λ dt, initial voltage 1/2, spikes carrying a λ', () => {
    const b = new GraphBuilder();
    const x = b.input('x', [2]);
    const q = b.neurons(x, { id: 'q', neuronType: 'QCFS', params: { levels: 4, threshold: 2, amplitude: 0.5 }, gain: param(Float32Array.of(1, 3), [2]), bias: scalar(0.25) });
    b.output(b.neurons(q, { id: 'lif', neuronType: 'LIF' }), 'out');
    const graph = deepFreeze(b.build());
    const snn = qcfsToSpiking(graph, { dt: 0.002 });
    // 1 / (λ dt) = 250
    expect(node(snn, 'q')).toMatchObject({ neuronType: 'IntegrateAndFire', params: { initialVoltage: 0.5, amplitude: 0.5 * 2 * 0.002 } });
    expect([...node(snn, 'q').gain!.data]).toEqual([250, 750]);
    expect([...node(snn, 'q').bias!.data]).toEqual([62.5]);
    expect(node(snn, 'lif')).toBe(node(graph, 'lif'));
    expect(node(graph, 'q').neuronType).toBe('QCFS');
  });

  it('adds the gain an absent one stands for, per population threshold, and takes another spiking type by name', () => {
    const graph = toQcfs(kerasToSnnGraph(1), { levels: 8, threshold: { conv0_neurons: 2, conv1_neurons: 4 } });
    const snn = qcfsToSpiking(graph, { neuronType: 'MyIntegrateAndFire' });
    expect([...node(snn, 'conv0_neurons').gain!.data]).toEqual([500]);
    expect([...node(snn, 'conv1_neurons').gain!.data]).toEqual([250]);
    expect(node(snn, 'conv1_neurons').params).toEqual({ initialVoltage: 0.5, amplitude: 4 * 0.001 });
    expect(node(snn, 'conv0_neurons').bias).toBeUndefined();
    expect(node(snn, 'conv0_neurons').neuronType).toBe('MyIntegrateAndFire');
  });

  it('rejects a bad dt and a graph without QCFS populations', () => {
    const graph = toQcfs(kerasToSnnGraph(1), { levels: 8, threshold: 1 });
    for (const [run, where] of [[() => qcfsToSpiking(graph, { dt: 0 }), 'dt'], [() => qcfsToSpiking(kerasToSnnGraph(1)), 'graph']] as const) {
      let error: unknown;
      try {
        run();
      } catch (e) {
        error = e;
      }
      expect(isSnnError(error, 'TRAIN_BAD_ARGUMENT')).toBe(true);
      expect((error as { where?: string }).where).toBe(where);
    }
  });
});
