import { GraphBuilder, createRng, heUniform, param, type Graph } from '@snn/ir';

/**
 * The dense network of the "convert a Keras model" blog-post flow, freshly initialized:
 * 28x28x1 -> flatten -> dense 128 -> `neuronType` (default `RectifiedLinear`) -> dense 10
 * (logits). Weights He-uniform from `seed`, biases zero. Node ids: `image`, `flatten`,
 * `dense0`, `dense0_neurons`, `dense1`, `out`.
 */
export function mlpGraph(seed = 0, neuronType = 'RectifiedLinear'): Graph {
  const rng = createRng(seed);
  const b = new GraphBuilder();
  let h = b.input('image', [28, 28, 1]);
  h = b.flatten(h, { id: 'flatten' });
  h = b.dense(h, { id: 'dense0', weights: heUniform([784, 128], 784, rng), bias: param(new Float32Array(128), [128]) });
  h = b.neurons(h, { id: 'dense0_neurons', neuronType });
  h = b.dense(h, { id: 'dense1', weights: heUniform([128, 10], 128, rng), bias: param(new Float32Array(10), [10]) });
  b.output(h, 'out');
  return b.build();
}
