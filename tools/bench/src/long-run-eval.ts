import { loadMnist } from '@snn/mnist/node';
import { evaluateClassifier, type Evaluation } from '@snn/sim/node';
import { kerasToSnnGraph } from '@snn/train';

/** Size of a {@link longRunEvaluation}. */
export interface LongRunSize {
  readonly images: number;
  readonly steps: number;
  readonly workers: number;
  readonly seed: number;
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * The keras-to-snn network with SpikingRectifiedLinear neurons (weights from `seed`, untrained:
 * this measures memory, time and repeatability, not accuracy) classifying the first `images`
 * MNIST test images for `steps` steps each through `evaluateClassifier` on `workers` threads;
 * the output probe keeps the last step only.
 */
export function longRunEvaluation(size: LongRunSize): Promise<Evaluation> {
  const data = loadMnist('test', size.images);
  const graph = kerasToSnnGraph(size.seed, 'SpikingRectifiedLinear');
  return evaluateClassifier(graph, data.images, data.labels, {
    mode: 'spiking',
    steps: size.steps,
    workers: size.workers,
    seed: size.seed,
    ...(size.onProgress ? { onProgress: size.onProgress } : {}),
  });
}
