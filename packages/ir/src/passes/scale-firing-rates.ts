import type { Graph, NeuronsNode, Param } from '../types.js';
import { irError } from '../error-codes.js';
import { preview } from '../describe.js';
import { checkGraphShape } from '../graph-index.js';
import { scalar } from '../param.js';
import { mapNodes } from './map-nodes.js';
import { selectNodes } from './select-nodes.js';

/** Options of {@link scaleFiringRates}. */
export interface ScaleFiringRatesOptions {
  /**
   * Whether a neuron type has an `amplitude` parameter (the neuron registry knows; the IR
   * does not). Types without one (Sigmoid, Tanh) get gain and bias scaled only, and a
   * warning, as NengoDL does. Default: every type has an amplitude.
   */
  readonly hasAmplitude?: (neuronType: string) => boolean;
  /** Receives the warnings (one per node scaled without amplitude). */
  readonly warn?: (message: string) => void;
}

/**
 * Scale the firing rates of neurons nodes (NengoDL `scale_firing_rates`, spec §5.2): for
 * factor `s`, `gain *= s` (an absent gain, i.e. 1, becomes `s`), `bias *= s` (absent stays
 * absent) and `params.amplitude = (amplitude ?? 1) / s`, so that ReLU-like types compute
 * `(1/s) f(s (W y) + s b)`, the same output from `s` times the firing rate.
 *
 * `scale` is one factor for every neurons node, or a map from neurons node id to factor
 * (nodes missing from the map are unscaled). Unknown ids throw `IR_UNKNOWN_NODE`; ids of
 * non-neurons nodes and factors that are not finite and positive throw `IR_BAD_ARGUMENT`.
 * Types for which `options.hasAmplitude` is false keep their params: only gain and bias
 * are scaled, which changes their output (NengoDL warns so; so does `options.warn`).
 * Returns a new graph; the input is not modified.
 */
export function scaleFiringRates(graph: Graph, scale: number | Readonly<Record<string, number>>, options: ScaleFiringRatesOptions = {}): Graph {
  checkGraphShape(graph);
  const factorOf = typeof scale === 'number' ? globalFactor(scale) : mapFactor(graph, scale);
  const hasAmplitude = options.hasAmplitude ?? (() => true);
  return mapNodes(graph, (node) => {
    if (node.kind !== 'neurons') return node;
    const s = factorOf(node);
    if (s === undefined || s === 1) return node;
    if (hasAmplitude(node.neuronType)) return scaleNode(node, s);
    options.warn?.(
      `Firing rate scaling being applied to activation type that does not support amplitude (${node.neuronType}, node '${node.id}'); this will change the output`,
    );
    return scaleCurrent(node, s);
  });
}

function checkFactor(s: unknown, what: string, where?: string): number {
  if (typeof s !== 'number' || !Number.isFinite(s) || s <= 0) {
    throw irError('IR_BAD_ARGUMENT', where, `scaleFiringRates: ${what} is ${preview(s)}; scale factors must be finite and positive`);
  }
  return s;
}

function globalFactor(scale: number): (node: NeuronsNode) => number {
  const s = checkFactor(scale, 'the scale');
  return () => s;
}

function mapFactor(graph: Graph, scale: Readonly<Record<string, number>>): (node: NeuronsNode) => number | undefined {
  if (typeof scale !== 'object' || scale === null) checkFactor(scale, 'the scale');
  selectNodes(graph, Object.keys(scale), 'scaleFiringRates', 'the scale map', ['neurons'], 'only neurons nodes have firing rates — name the neurons node after it');
  for (const [id, s] of Object.entries(scale)) checkFactor(s, `the factor for '${id}'`, id);
  return (node) => (Object.prototype.hasOwnProperty.call(scale, node.id) ? scale[node.id] : undefined);
}

function times(p: Param, s: number): Param {
  const data = new Float32Array(p.data.length);
  for (let i = 0; i < data.length; i++) data[i] = p.data[i] * s;
  return { shape: [...p.shape], data };
}

/** Gain and bias times `s` (the input current scaled), params untouched. */
function scaleCurrent(node: NeuronsNode, s: number): NeuronsNode {
  const next: NeuronsNode = { ...node, gain: node.gain ? times(node.gain, s) : scalar(s) };
  return node.bias ? { ...next, bias: times(node.bias, s) } : next;
}

function scaleNode(node: NeuronsNode, s: number): NeuronsNode {
  const amplitude = node.params?.amplitude ?? 1;
  return { ...scaleCurrent(node, s), params: { ...node.params, amplitude: amplitude / s } };
}
