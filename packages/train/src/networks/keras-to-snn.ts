import { GraphBuilder, createRng, heUniform, param, type Graph } from '@snn/ir';

/**
 * NengoDL's keras-to-snn network, freshly initialized: 28x28x1 -> conv 3x3x32 relu ->
 * conv 3x3x64 stride 2 relu -> flatten -> dense 10 (logits), valid padding. Weights are
 * He-uniform from `seed` (they train faster than Keras's Glorot default in a short run),
 * biases zero. `neuronType` is the type of both hidden populations (default
 * `RectifiedLinear`, the ANN). Node ids: `image`, `conv0`, `conv0_neurons`, `conv1`,
 * `conv1_neurons`, `flatten`, `dense`, `out`.
 */
export function kerasToSnnGraph(seed = 0, neuronType = 'RectifiedLinear'): Graph {
  const rng = createRng(seed);
  const b = new GraphBuilder();
  const x = b.input('image', [28, 28, 1]);
  let h = b.conv(x, { id: 'conv0', kernel: heUniform([3, 3, 1, 32], 9, rng), bias: param(new Float32Array(32), [32]) });
  h = b.neurons(h, { id: 'conv0_neurons', neuronType });
  h = b.conv(h, { id: 'conv1', kernel: heUniform([3, 3, 32, 64], 288, rng), bias: param(new Float32Array(64), [64]), strides: [2, 2] });
  h = b.neurons(h, { id: 'conv1_neurons', neuronType });
  h = b.flatten(h, { id: 'flatten' });
  h = b.dense(h, { id: 'dense', weights: heUniform([9216, 10], 9216, rng), bias: param(new Float32Array(10), [10]) });
  b.output(h, 'out');
  return b.build();
}
