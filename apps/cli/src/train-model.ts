import { existsSync } from 'node:fs';
import { SnnError, type Graph } from '@snn/ir';
import { checkFile, isNetworkFile, loadModel } from './load-model.js';

/** Names `snn train` accepts instead of a model file. */
export const BUILTIN_MODELS = ['keras-to-snn'] as const;

/** The network to train and where it came from. */
export interface TrainingModel {
  readonly graph: Graph;
  readonly warnings: readonly string[];
  /** `built-in`, `snn`, or the Keras format the file was read as. */
  readonly format: string;
}

/**
 * Load MODEL for training: the built-in `keras-to-snn` network freshly initialized from
 * `seed`, an `.snn` network as it is, or a Keras model converted with `inferenceOnly`, so
 * that whatever the import had to relax is listed in `metadata.inferenceOnly` (training
 * then refuses it, naming the layers) instead of failing with a conversion-flag hint.
 */
export async function loadTrainingModel(model: string, seed: number): Promise<TrainingModel> {
  if (model === 'keras-to-snn') {
    const { kerasToSnnGraph } = await import('@snn/train');
    return { graph: kerasToSnnGraph(seed), warnings: [], format: 'built-in' };
  }
  if (!existsSync(model)) {
    throw new SnnError('CLI_FILE', `model file ${model} does not exist; give a Keras model (.h5, .keras, model.json), an .snn or .nir network, or a built-in network (${BUILTIN_MODELS.join(', ')})`, { where: model });
  }
  checkFile(model, 'model file');
  return loadModel(model, isNetworkFile(model) ? {} : { inferenceOnly: true });
}
