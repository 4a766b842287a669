import type { Graph } from '@snn/ir';
import { trainError } from '../error-codes.js';
import { nodeParams } from './param-fields.js';

/**
 * A layer a Keras import converted for inference only (graph metadata `inferenceOnly`):
 * what training it would need cannot be represented (e.g. a trainable batch
 * normalization folded into an affine node, or dropped regularizers).
 */
export interface InferenceOnlyLayer {
  readonly layer: string;
  readonly node?: string;
  readonly reason: string;
}

/**
 * Refuse a graph that training would get wrong, before any data is loaded:
 * `TRAIN_INFERENCE_ONLY` when its metadata lists layers converted for inference only
 * (naming each layer and why), `TRAIN_NOTHING_TRAINABLE` when no node holds a parameter
 * that may train (`trainable: false` everywhere, or no parameters at all).
 */
export function checkTrainable(graph: Graph): void {
  const listed = graph.metadata?.inferenceOnly;
  if (Array.isArray(listed) && listed.length > 0) {
    const layers = listed as readonly InferenceOnlyLayer[];
    const what = layers.map((l) => `layer '${l.layer}'${l.node !== undefined && l.node !== l.layer ? ` (node '${l.node}')` : ''}: ${l.reason}`).join('; ');
    throw trainError(
      'TRAIN_INFERENCE_ONLY',
      layers[0].layer,
      `the model was converted for inference only, so training it would not match Keras — ${what}. ` +
        'Retrain the model in Keras without regularizers or constraints and with its batch normalization layers set trainable=False, then train it here',
    );
  }
  const withParams = graph.nodes.filter((n) => nodeParams(n).length > 0);
  if (withParams.length === 0) {
    throw trainError('TRAIN_NOTHING_TRAINABLE', undefined, 'the model has no parameters (no dense, conv, affine or neuron gain/bias): nothing to train');
  }
  if (withParams.every((n) => n.trainable === false)) {
    const ids = withParams.map((n) => n.id);
    const shown = ids.length > 6 ? `${ids.slice(0, 6).join(', ')}, ... (${ids.length} nodes)` : ids.join(', ');
    throw trainError(
      'TRAIN_NOTHING_TRAINABLE',
      ids[0],
      `every node with parameters is frozen (trainable: false: ${shown}): nothing to train; set trainable to true on the nodes to train (or remove the field)`,
    );
  }
}
