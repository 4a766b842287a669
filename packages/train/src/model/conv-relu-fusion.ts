import * as tf from '@tensorflow/tfjs-core';
import type { ConvNode, Graph, Shape } from '@snn/ir';
import { RectifiedLinear } from '@snn/neurons';
import type { NeuronLookup } from '@snn/sim';
import { conv2dBiasRelu, type Conv2DBiasReluOptions } from '../kernels/conv2d-bias-relu.js';
import { firstConvPair, firstConvPairApplies } from '../kernels/first-conv-pair.js';
import { patchDemand } from '../kernels/patch-demand.js';
import type { NodeVars } from './node-forward.js';
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

/**
 * Fused convs fed by an input node, straight or through affine nodes only (a fixed input
 * scaling such as Keras's Rescaling): conv id -> the ids of those affine nodes. While none of
 * them trains, nothing needs the gradient of such a conv's input in training (a first conv).
 */
export function inputConvs(graph: Graph, pairs: ReadonlyMap<string, string>): Map<string, string[]> {
  const fed = new Map<string, string[]>();
  for (const conv of pairs.keys()) {
    const between: string[] = [];
    for (let id = conv; ; ) {
      const ins = graph.edges.filter((e) => e.target === id);
      const source = ins.length === 1 ? graph.nodes.find((n) => n.id === ins[0].source) : undefined;
      if (source?.kind === 'input') {
        fed.set(conv, between);
        break;
      }
      if (source?.kind !== 'affine') break;
      between.push(source.id);
      id = source.id;
    }
  }
  return fed;
}

/**
 * Fused pairs fed by an input node ({@link inputConvs}: a first conv + ReLU): conv id -> the
 * fused conv its ReLU population feeds, when there is one. Behind such a first conv, the input gradient of
 * that second conv is needed only where the first conv's input patch is not all zero (see
 * {@link inputDemand}).
 */
export function firstConvFeeds(graph: Graph, pairs: ReadonlyMap<string, string>): Map<string, string> {
  const feeds = new Map<string, string>();
  for (const conv of inputConvs(graph, pairs).keys()) {
    const relu = pairs.get(conv)!;
    const next = graph.edges.filter((e) => e.source === relu).map((e) => e.target).find((id) => pairs.has(id));
    if (next) feeds.set(conv, next);
  }
  return feeds;
}

/**
 * Where the gradient of a first conv + ReLU's output is needed when nothing asks for the
 * gradient of its input `x` (`[batch, ...inShape]`): `[batch, outH, outW, 1]`, the largest
 * channel-summed magnitude of x over each output position's patch. Where it is zero the patch is, so that
 * position adds nothing to the conv's filter gradient, and its ReLU mask is the bias's sign
 * (the same at every such position): only the gradient's per-channel total there matters.
 */
export function inputDemand(node: ConvNode, inShape: Shape, x: tf.Tensor): tf.Tensor4D {
  const [kH, kW] = node.kernel.shape;
  const x4 = tf.reshape(x, [-1, ...inShape]) as unknown as tf.Tensor4D;
  return patchDemand(x4, kH, kW, [...node.strides] as [number, number], node.padding as 'same' | 'valid');
}

/**
 * Forward pass of a fused conv + relu pair: `relu(conv2d(x, kernel) + bias)`, output
 * `[batch, ...outShape]`; `options` say what is known of x's gradient (a demand map from
 * {@link inputDemand}, or none wanted).
 */
export function fusedConvRelu(node: ConvNode, inShape: Shape, outShape: Shape): (xs: tf.Tensor[], vars: NodeVars, options?: Conv2DBiasReluOptions) => tf.Tensor {
  const pad = node.padding as 'same' | 'valid';
  const strides = [...node.strides] as [number, number];
  return (xs, v, options) => {
    const x = tf.reshape(xs[0], [-1, ...inShape]) as unknown as tf.Tensor4D;
    const y = conv2dBiasRelu(x, v.kernel as tf.Tensor4D, v.bias as tf.Tensor1D, strides, pad, options);
    return tf.reshape(y, [-1, ...outShape]);
  };
}

/**
 * Forward pass of a first conv + ReLU and the fused conv + ReLU that is its only consumer
 * ({@link firstConvFeeds}) as one op (`firstConvPair`): input x, the two convs' variables and the
 * first conv's demand map ({@link inputDemand}); output `[batch, ...outShape]` of the second.
 * For training passes that want no gradient of x. Undefined where the backend lacks the kernels
 * or the first conv's filter is not one they take.
 */
export function fusedFirstConvPair(
  first: ConvNode,
  inShape: Shape,
  second: ConvNode,
  outShape: Shape,
): ((x: tf.Tensor, firstVars: NodeVars, secondVars: NodeVars, demand: tf.Tensor4D) => tf.Tensor) | undefined {
  if (!firstConvPairApplies(first.kernel.shape)) return undefined;
  const attrs = (node: ConvNode) => ({ strides: [...node.strides] as [number, number], pad: node.padding as 'same' | 'valid' });
  return (x, v1, v2, demand) => {
    const x4 = tf.reshape(x, [-1, ...inShape]) as unknown as tf.Tensor4D;
    const params = [v1.kernel, v1.bias, v2.kernel, v2.bias] as [tf.Tensor4D, tf.Tensor1D, tf.Tensor4D, tf.Tensor1D];
    return tf.reshape(firstConvPair(x4, demand, params, attrs(first), attrs(second)), [-1, ...outShape]);
  };
}
