import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeSnn, encodeSnn, type Graph } from '@snn/ir';
import { writeFileAtomic } from '@snn/ir/node';
import { createNeuronRegistry } from '@snn/neurons';
import { loadMnist } from '@snn/mnist/node';
import { createModel, exportGraph, initTraining, kerasToSnnGraph, trainEpochs } from '@snn/train';

/** Where trained benchmark networks are kept between runs (not in the repository). */
const cacheDir = resolve(dirname(fileURLToPath(import.meta.url)), '../.cache');

/** A trained keras-to-snn network and how it was made. */
export interface TrainedNetwork {
  readonly graph: Graph;
  /** The `.snn` file it is cached in. */
  readonly file: string;
  readonly epochs: number;
  readonly trainImages: number;
  /** Test accuracy of the ANN (rate mode) on all 10,000 test images after the last epoch. */
  readonly testAccuracy: number;
  /** Seconds of each epoch, when it was trained in this run (empty when read from the cache). */
  readonly epochSeconds: readonly number[];
}

/**
 * The keras-to-snn network (`kerasToSnnGraph(seed)`) trained like `snn train keras-to-snn`
 * (Adam 1e-3, batch 200, sparse cross-entropy) for `epochs` epochs on the first `trainImages`
 * MNIST training images; cached in tools/bench/.cache, trained on the first call. The
 * benchmarks that simulate it need trained weights: activity decides the event-driven cost.
 */
export async function trainedKerasToSnn(
  options: { epochs: number; trainImages: number; seed?: number; fresh?: boolean },
  progress?: (done: number, total: number) => void,
): Promise<TrainedNetwork> {
  const { epochs, trainImages, seed = 1 } = options;
  const file = join(cacheDir, `keras-to-snn-e${epochs}-n${trainImages}-s${seed}.snn`);
  const meta = `${file}.json`;
  if (!options.fresh && existsSync(file) && existsSync(meta)) {
    const { testAccuracy } = JSON.parse(readFileSync(meta, 'utf8')) as { testAccuracy: number };
    return { graph: decodeSnn(readFileSync(file), { source: file }), file, epochs, trainImages, testAccuracy, epochSeconds: [] };
  }
  await initTraining({ threads: 2 });
  const train = loadMnist('train', trainImages);
  const test = loadMnist('test');
  const model = createModel(kerasToSnnGraph(seed), { neurons: createNeuronRegistry() });
  const epochSeconds: number[] = [];
  let testAccuracy = 0;
  try {
    const steps = epochs * Math.ceil(train.count / 200);
    let done = 0;
    await trainEpochs(model, {
      x: { image: train.images },
      y: { out: train.labels },
      losses: { out: 'sparseCategoricalCrossentropy' },
      optimizer: { type: 'adam', learningRate: 1e-3 },
      epochs,
      batchSize: 200,
      seed,
      validation: { x: { image: test.images }, y: { out: test.labels }, losses: { out: 'sparseCategoricalCrossentropy' } },
      onBatch: () => progress?.(++done, steps),
      onEpoch: (e) => {
        epochSeconds.push(e.seconds);
        testAccuracy = e.validation?.accuracy.out ?? 0;
      },
    });
    const graph = exportGraph(model);
    mkdirSync(cacheDir, { recursive: true });
    writeFileAtomic(file, encodeSnn(graph));
    writeFileAtomic(meta, new TextEncoder().encode(JSON.stringify({ testAccuracy, epochSeconds })));
    return { graph, file, epochs, trainImages, testAccuracy, epochSeconds };
  } finally {
    model.dispose();
  }
}
