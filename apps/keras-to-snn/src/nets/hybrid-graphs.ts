import { applyConversion, inferShapes, param, SnnError, type Edge, type Graph, type GraphNode } from '@snn/ir';
import { mnistInput } from '@snn/mnist';
import { conversionHooks, type NeuronRegistry } from '@snn/neurons';
import type { SynapseRegistry } from '@snn/synapses';
import { classifierOutput, compile, makeEnsemble, meanImage, measureActivations, normalizeImages, solveDecoders } from '@snn/sim';
import { lifGainBiasScalars } from '@snn/train';

/** The registries and seed a hybrid network is built with. */
export interface HybridContext {
  readonly neurons: NeuronRegistry;
  readonly synapses: SynapseRegistry;
  readonly seed: number;
}

/** The neuron layers of `ann` in order, split into the first half (kept rate) and the rest (made spiking). */
export function splitLayers(ann: Graph): { rate: string[]; spiking: string[] } {
  const layers = ann.nodes.filter((n) => n.kind === 'neurons').map((n) => n.id);
  if (layers.length < 2) throw new SnnError('WALK_HYBRID', `--net hybrid needs a model with at least two neuron layers (one to keep as an ANN block, one to run spiking); it has ${layers.length}`, { where: 'model' });
  const keep = Math.max(1, Math.floor(layers.length / 2));
  return { rate: layers.slice(0, keep), spiking: layers.slice(keep) };
}

/**
 * `ann` with the neuron layers `spiking` swapped (`swapNeurons` by node) to LIF neurons that
 * match the ReLU where it matters: each layer's p`percentile` activation on `inputs` (rate
 * mode) drives the LIF at `maxRateHz` (gain and bias of that max rate at intercept 0, so it
 * is silent below 0 as the ReLU), and the amplitude scales the rate back to the activation.
 */
export function lifLaterLayers(ann: Graph, spiking: readonly string[], inputs: Readonly<Record<string, Float32Array>>, ctx: HybridContext, maxRateHz = 200, percentile = 99.9): { graph: Graph; activation: Record<string, number> } {
  const summaries = measureActivations(ann, inputs, { neurons: ctx.neurons, synapses: ctx.synapses, nodes: spiking });
  const activation = Object.fromEntries(summaries.map((s) => [s.node, s.percentile(percentile)]));
  const byNode = Object.fromEntries(spiking.map((id) => [id, { neuronType: 'LIF', params: { amplitude: activation[id] / maxRateHz } }]));
  const swapped = applyConversion(ann, { swapNeurons: { byNode } }, conversionHooks(ctx.neurons)).graph;
  const { gain, bias } = lifGainBiasScalars(maxRateHz, 0);
  const nodes = swapped.nodes.map((n): GraphNode => {
    if (n.kind !== 'neurons' || !spiking.includes(n.id)) return n;
    // J = gain * x / p + bias: the p-th percentile activation x = p fires at maxRateHz
    return { ...n, gain: param(Float32Array.of(gain.data[0] / activation[n.id]), []), bias };
  });
  return { graph: { ...swapped, nodes }, activation };
}

/** The layer feeding `ann`'s final dense readout (its features), the readout and the output node. */
function readoutOf(ann: Graph): { feature: string; readout: string; output: string } {
  const output = classifierOutput(ann, inferShapes(ann), 10);
  const readout = ann.edges.find((e) => e.target === output)?.source;
  const node = ann.nodes.find((n) => n.id === readout);
  const feature = ann.edges.find((e) => e.target === readout)?.source;
  if (node?.kind !== 'dense' || feature === undefined) {
    throw new SnnError('WALK_HYBRID', `--net hybrid replaces the model's final dense layer with a Nengo ensemble, but its output '${output}' is not fed by a dense layer; give a model ending in a dense layer`, { where: output });
  }
  return { feature, readout: node.id, output };
}

/** Rate-mode values of node `id` for `images` (samples x size). */
function rateValues(graph: Graph, id: string, images: Float32Array, ctx: HybridContext): Float32Array {
  const { inputId } = mnistInput(graph);
  const sim = compile(graph, { neurons: ctx.neurons, synapses: ctx.synapses, mode: 'rate', seed: ctx.seed });
  try {
    return sim.run({ [inputId]: images }, { nSteps: 1, probes: { v: { node: id } } }).probes.v.data;
  } finally {
    sim.dispose();
  }
}

/** How {@link ensembleHybrid} builds the ensemble. */
export interface EnsembleSettings {
  readonly neurons: number;
  /** Training images whose features give the encoders, the centre and the radius. */
  readonly encoderImages: Float32Array;
  /** Training images and labels the decoders are solved on. */
  readonly decoderImages: Float32Array;
  readonly decoderLabels: Uint8Array;
  /** Lowpass time constant (s) from the ensemble to the decoded output. */
  readonly tau: number;
}

/**
 * `ann` with its final dense readout replaced by a native Nengo-style LIF ensemble: the
 * readout's input features, centred on their training mean and divided by their mean norm,
 * feed `neurons` LIF neurons (encoders: normalized features of random training images; max
 * rates 200-400 Hz and intercepts from `makeEnsemble`), and least-squares decoders (solved on
 * the ensemble's rate-mode activity) give the 10 outputs through a lowpass synapse.
 */
export function ensembleHybrid(ann: Graph, settings: EnsembleSettings, ctx: HybridContext): { graph: Graph; radius: number; feature: string } {
  const { feature, readout, output } = readoutOf(ann);
  const size = (inferShapes(ann).get(feature) ?? []).reduce((a, b) => a * b, 1);
  const features = rateValues(ann, feature, settings.encoderImages, ctx);
  const mean = meanImage(features, size);
  const samples = features.length / size;
  let radius = 0;
  for (let s = 0; s < samples; s++) {
    let sq = 0;
    for (let i = 0; i < size; i++) sq += (features[s * size + i] - mean[i]) ** 2;
    radius += Math.sqrt(sq) / samples;
  }
  const ens = makeEnsemble(ctx.neurons.get('LIF'), normalizeImages(features, size, mean), size, settings.neurons, ctx.seed);
  const n = settings.neurons;
  const weights = new Float32Array(size * n);
  const bias = new Float32Array(n);
  for (let i = 0; i < size; i++) {
    for (let k = 0; k < n; k++) {
      weights[i * n + k] = ens.encoders[i * n + k] / (radius || 1);
      bias[k] -= (mean[i] * ens.encoders[i * n + k]) / (radius || 1);
    }
  }
  const kept = ann.nodes.filter((x) => x.id !== readout && x.id !== output);
  const keptEdges = ann.edges.filter((e) => e.target !== readout && e.target !== output);
  const head = (decoders?: Float32Array): Graph => {
    const nodes: GraphNode[] = [
      ...kept,
      { kind: 'dense', id: 'ensemble_encoders', weights: param(weights, [size, n]), bias: param(bias, [n]) },
      { kind: 'neurons', id: 'ensemble', neuronType: 'LIF', gain: param(ens.gain, [n]), bias: param(ens.bias, [n]) },
    ];
    const edges: Edge[] = [...keptEdges, { source: feature, target: 'ensemble_encoders' }, { source: 'ensemble_encoders', target: 'ensemble' }];
    if (decoders) {
      nodes.push({ kind: 'dense', id: 'ensemble_decoders', weights: param(decoders, [n, 10]) }, { kind: 'output', id: output });
      edges.push({ source: 'ensemble', target: 'ensemble_decoders', ...(settings.tau > 0 ? { synapse: { type: 'lowpass', params: { tau: settings.tau } } } : {}) }, { source: 'ensemble_decoders', target: output });
    } else {
      nodes.push({ kind: 'output', id: 'activity' });
      edges.push({ source: 'ensemble', target: 'activity' });
    }
    return { nodes, edges, metadata: { ...ann.metadata, hybrid: 'nengo-ensemble', ensembleNeurons: n } };
  };
  const activity = rateValues(head(), 'ensemble', settings.decoderImages, ctx);
  const decoders = solveDecoders(activity, settings.decoderLabels, n, 10);
  return { graph: head(decoders), radius, feature };
}
