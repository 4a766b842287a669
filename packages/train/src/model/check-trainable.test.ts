import { describe, expect, it } from 'vitest';
import { GraphBuilder, isSnnError, type Graph } from '@snn/ir';
import { kerasToSnnGraph } from '../networks/keras-to-snn.js';
import { checkTrainable } from './check-trainable.js';

function caught(f: () => void): { code: string; message: string; where?: string } {
  try {
    f();
  } catch (e) {
    if (isSnnError(e)) return { code: e.code, message: e.message, where: e.where };
    throw e;
  }
  throw new Error('expected an SnnError');
}

const freeze = (graph: Graph, ids?: readonly string[]): Graph => ({
  ...graph,
  nodes: graph.nodes.map((n) => (ids === undefined || ids.includes(n.id) ? { ...n, trainable: false } : n)),
});

describe('checkTrainable', () => {
  it('accepts a network with trainable parameters, also when some nodes are frozen', () => {
    expect(() => checkTrainable(kerasToSnnGraph(0))).not.toThrow();
    expect(() => checkTrainable(freeze(kerasToSnnGraph(0), ['conv0', 'conv1']))).not.toThrow();
  });

  it('refuses a graph whose metadata lists layers converted for inference only, naming each layer and its reason', () => {
    const graph: Graph = {
      ...kerasToSnnGraph(0),
      metadata: {
        inferenceOnly: [
          { layer: 'batch_normalization', node: 'batch_normalization', reason: 'trainable BatchNormalization folded with its moving statistics' },
          { layer: 'dense_1', reason: 'kernel_regularizer l2 dropped' },
        ],
      },
    };
    const e = caught(() => checkTrainable(graph));
    expect(e.code).toBe('TRAIN_INFERENCE_ONLY');
    expect(e.where).toBe('batch_normalization');
    expect(e.message).toContain("layer 'batch_normalization': trainable BatchNormalization folded with its moving statistics");
    expect(e.message).toContain("layer 'dense_1': kernel_regularizer l2 dropped");
    expect(e.message).toMatch(/Retrain the model in Keras without regularizers .* trainable=False/);
    // an empty list means nothing was relaxed
    expect(() => checkTrainable({ ...kerasToSnnGraph(0), metadata: { inferenceOnly: [] } })).not.toThrow();
  });

  it('refuses a graph whose every node with parameters is frozen, naming them', () => {
    const e = caught(() => checkTrainable(freeze(kerasToSnnGraph(0))));
    expect(e.code).toBe('TRAIN_NOTHING_TRAINABLE');
    expect(e.message).toContain('trainable: false: conv0, conv1, dense');
  });

  it('refuses a graph without parameters', () => {
    const b = new GraphBuilder();
    b.output(b.neurons(b.input('x', [4]), { id: 'relu', neuronType: 'RectifiedLinear' }), 'out');
    const e = caught(() => checkTrainable(b.build()));
    expect(e.code).toBe('TRAIN_NOTHING_TRAINABLE');
    expect(e.message).toMatch(/no parameters/);
  });
});
