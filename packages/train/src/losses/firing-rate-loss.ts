import * as tf from '@tensorflow/tfjs-core';
import { getNode, type Graph, type NeuronsNode } from '@snn/ir';
import { resolveParams } from '@snn/neurons';
import type { NeuronLookup } from '@snn/sim';
import { trainError } from '../error-codes.js';
import { neuronLayerIds } from '../model/neuron-layers.js';
import type { LossSpec } from './loss-spec.js';
import { meanSquaredError } from './mse.js';

/** Options of {@link firingRateLosses}. */
export interface FiringRateLossOptions {
  /** Target firing rate (Hz) of every regularized neuron. */
  readonly targetHz: number;
  /** Weight of each layer's term in the total loss (NengoDL's keras-to-snn example: 1e-3). */
  readonly weight: number;
  /** Neurons node ids or Keras layer names to regularize (default: every neurons node); see `neuronLayerIds`. */
  readonly layers?: readonly string[];
  /** Neuron types, to read each population's `amplitude` (output = amplitude x rate in Hz). */
  readonly neurons: NeuronLookup;
}

/**
 * Firing-rate regularization as in NengoDL's keras-to-snn example (spec §6): one loss
 * term per regularized neurons node, the mean squared error between its rate-mode output
 * in Hz (the output divided by the population's amplitude) and `targetHz`, weighted by
 * `weight`. Returns loss specs by node id, to merge with the task's loss specs.
 */
export function firingRateLosses(graph: Graph, options: FiringRateLossOptions): Record<string, LossSpec> {
  const { targetHz, weight } = options;
  if (!Number.isFinite(targetHz) || targetHz < 0) {
    throw trainError('TRAIN_BAD_OPTION', 'targetHz', `the target firing rate is ${targetHz} Hz; give a finite rate >= 0 (NengoDL's example uses 250)`);
  }
  if (!Number.isFinite(weight) || weight <= 0) {
    throw trainError('TRAIN_BAD_OPTION', 'weight', `the firing-rate loss weight is ${weight}; give a finite weight > 0 (NengoDL's example uses 1e-3)`);
  }
  const ids = neuronLayerIds(graph, options.layers, 'firing-rate layer');
  if (ids.length === 0) throw trainError('TRAIN_NOT_NEURONS', undefined, 'the model has no neuron layers, so it has no firing rates to regularize');
  const specs: Record<string, LossSpec> = {};
  for (const id of ids) {
    const node = getNode(graph, id) as NeuronsNode;
    const params = resolveParams(options.neurons.get(node.neuronType, id), node.params ?? {}, id);
    const amplitude = params.amplitude ?? 1;
    // mean((output / a - target)^2) = mean((output - a target)^2) / a^2: no full-size division
    const loss =
      amplitude === 1
        ? meanSquaredError
        : (output: tf.Tensor, target: tf.Tensor | number): tf.Scalar =>
            typeof target === 'number'
              ? tf.div(meanSquaredError(output, amplitude * target), tf.scalar(amplitude * amplitude))
              : meanSquaredError(tf.div(output, tf.scalar(amplitude)), target);
    specs[id] = { loss, weight, target: targetHz };
  }
  return specs;
}
