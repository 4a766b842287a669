import { GraphBuilder, createRng, heUniform, param, type Graph } from '@snn/ir';

/**
 * Nengo Loihi's keras-to-loihi network, freshly initialized: 28x28x1 -> "to-spikes" conv
 * 1x1x3 relu -> conv 3x3x32 stride 2 relu -> conv 3x3x64 stride 2 relu -> flatten ->
 * dense 100 relu -> dense 10 (logits); valid padding, no conv biases (the chip's conv
 * synapses carry none), zero dense biases, He-uniform weights from `seed`. `neuronType` is
 * the type of the four populations (default `RectifiedLinear`, the ANN). Node ids: `image`,
 * `to_spikes`, `to_spikes_neurons`, `conv0`, `conv0_neurons`, `conv1`, `conv1_neurons`,
 * `flatten`, `dense0`, `dense0_neurons`, `dense1`, `out`; shapes 28x28x3, 13x13x32, 6x6x64, 100, 10.
 */
export function kerasToLoihiGraph(seed = 0, neuronType = 'RectifiedLinear'): Graph {
  const rng = createRng(seed);
  const b = new GraphBuilder();
  let h = b.input('image', [28, 28, 1]);
  h = b.neurons(b.conv(h, { id: 'to_spikes', kernel: heUniform([1, 1, 1, 3], 1, rng) }), { id: 'to_spikes_neurons', neuronType });
  h = b.neurons(b.conv(h, { id: 'conv0', kernel: heUniform([3, 3, 3, 32], 27, rng), strides: [2, 2] }), { id: 'conv0_neurons', neuronType });
  h = b.neurons(b.conv(h, { id: 'conv1', kernel: heUniform([3, 3, 32, 64], 288, rng), strides: [2, 2] }), { id: 'conv1_neurons', neuronType });
  h = b.flatten(h, { id: 'flatten' });
  h = b.neurons(b.dense(h, { id: 'dense0', weights: heUniform([2304, 100], 2304, rng), bias: param(new Float32Array(100), [100]) }), { id: 'dense0_neurons', neuronType });
  b.output(b.dense(h, { id: 'dense1', weights: heUniform([100, 10], 100, rng), bias: param(new Float32Array(10), [10]) }), 'out');
  return b.build();
}
