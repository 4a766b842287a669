import * as tf from '@tensorflow/tfjs-core';
import type { ConvNode, Graph, Shape } from '@snn/ir';
import { RectifiedLinear } from '@snn/neurons';
import type { NeuronLookup } from '@snn/sim';
import { conv2dBiasRelu } from '../kernels/conv2d-bias-relu.js';
import type { NodeForward } from './node-forward.js';
import { trainingType, type SurrogateParams } from './training-type.js';

/**
 * Pairs `conv id -> neurons id` whose two nodes run as one fused conv + bias + relu op:
 * a 2-D conv with a bias and 'same'/'valid' padding whose only consumer is a neuron node
 * with no gain or bias that trains as the built-in RectifiedLinear with amplitude 1.
 */
export function convReluPairs(graph: Graph, neurons: NeuronLookup, surrogateParams?: SurrogateParams): Map<string, string> {
  const pairs = new Map<string, string>();
  for (const node of graph.nodes) {
    if (node.kind !== 'conv' || !node.bias || node.kernel.shape.length !== 4 || typeof node.padding !== 'string') continue;
    if ((node.groups ?? 1) !== 1 || (node.dilation ?? []).some((d) => d !== 1)) continue;
    const out = graph.edges.filter((e) => e.source === node.id);
    if (out.length !== 1) continue;
    const next = graph.nodes.find((n) => n.id === out[0].target);
    if (next?.kind !== 'neurons' || next.gain || next.bias) continue;
    const { type, params } = trainingType(next, neurons, surrogateParams);
    if (type === RectifiedLinear && params.amplitude === 1) pairs.set(node.id, next.id);
  }
  return pairs;
}

/** Forward pass of a fused conv + relu pair: `relu(conv2d(x, kernel) + bias)`, output `[batch, ...outShape]`. */
export function fusedConvRelu(node: ConvNode, inShape: Shape, outShape: Shape): NodeForward {
  const pad = node.padding as 'same' | 'valid';
  const strides = [...node.strides] as [number, number];
  return (xs, v) => {
    const x = tf.reshape(xs[0], [-1, ...inShape]) as unknown as tf.Tensor4D;
    const y = conv2dBiasRelu(x, v.kernel as tf.Tensor4D, v.bias as tf.Tensor1D, strides, pad);
    return tf.reshape(y, [-1, ...outShape]);
  };
}
