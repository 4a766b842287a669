import { GraphBuilder, createRng, heUniform, param, type Graph, type Param } from '@snn/ir';
import { LIF, resolveParams } from '@snn/neurons';

/** Gain and bias (scalars) a LIF population gets from one max rate (Hz at x = 1) and intercept. */
export function lifGainBiasScalars(maxRate: number, intercept: number, params: Readonly<Record<string, number>> = {}): { gain: Param; bias: Param } {
  const gain = new Float32Array(1);
  const bias = new Float32Array(1);
  LIF.gainBias!(Float32Array.of(maxRate), Float32Array.of(intercept), resolveParams(LIF, params), gain, bias);
  return { gain: param(gain, []), bias: param(bias, []) };
}

/**
 * NengoDL's spiking-MNIST network: 28x28x1 -> conv 3x3x32 -> LIF -> conv 3x3x64 -> LIF ->
 * avg-pool 2 -> conv 3x3x128 -> LIF -> avg-pool 2 -> flatten -> dense 10 (valid padding,
 * Keras's default). LIF populations have amplitude 0.01 and the gain/bias of max rate 100 Hz
 * and intercept 0, and are frozen (`trainable: false`): only the conv/dense weights train.
 * Weights He-uniform from `seed`, zero biases. Node ids: `image`, `conv0`, `lif0`, `conv1`,
 * `lif1`, `pool1`, `conv2`, `lif2`, `pool2`, `flatten`, `dense`, `out`.
 */
export function spikingMnistGraph(seed = 0, neuronType = 'LIF'): Graph {
  const rng = createRng(seed);
  const b = new GraphBuilder();
  const params = { amplitude: 0.01 };
  const { gain, bias } = lifGainBiasScalars(100, 0, params);
  const lif = (x: string, id: string): string => b.neurons(x, { id, neuronType, params, gain, bias, trainable: false });
  const conv = (x: string, id: string, cIn: number, cOut: number): string =>
    b.conv(x, { id, kernel: heUniform([3, 3, cIn, cOut], 9 * cIn, rng), bias: param(new Float32Array(cOut), [cOut]) });
  let h = b.input('image', [28, 28, 1]);
  h = lif(conv(h, 'conv0', 1, 32), 'lif0');
  h = lif(conv(h, 'conv1', 32, 64), 'lif1');
  h = b.pool(h, { id: 'pool1', op: 'avg', window: [2, 2] });
  h = lif(conv(h, 'conv2', 64, 128), 'lif2');
  h = b.pool(h, { id: 'pool2', op: 'avg', window: [2, 2] });
  h = b.flatten(h, { id: 'flatten' });
  h = b.dense(h, { id: 'dense', weights: heUniform([3200, 10], 3200, rng), bias: param(new Float32Array(10), [10]) });
  b.output(h, 'out');
  return b.build();
}
