import { existsSync } from 'node:fs';
import { SnnError, type Graph } from '@snn/ir';
import { paragraph } from '@snn/report';
import { kerasToSnnGraph } from '@snn/train';
import { cachedTraining, graphHash } from '../cache.js';
import { evaluateRow } from '../evaluate-row.js';
import { stageTableHtml, stageTableText } from '../tables.js';
import { trainNetwork } from '../train-network.js';
import type { StageRow, Walk } from '../walk.js';

/** The ANN every later stage converts, and its accuracy. */
export interface AnnResult {
  readonly graph: Graph;
  readonly row: StageRow;
  /** Where it came from, for the report. */
  readonly source: string;
  /** The built-in network before training (absent for `--model`): stages that train from scratch start here. */
  readonly initial?: Graph;
}

export const ANN_STAGE = '1. ANN';
/** Data augmentation of the ANN's training: every epoch sees each image shifted by up to 1 pixel. */
const MAX_SHIFT = 1;

/**
 * Stage 1: build NengoDL's keras-to-snn network with the IR builder (28x28x1 -> conv 3x3x32
 * relu -> conv 3x3x64 stride 2 relu -> dense 10) and train it (Adam 1e-3, batch 200), or
 * cached parameters for the same settings; or load the user's `--model`. Measures the ANN.
 */
export async function annStage(walk: Walk): Promise<AnnResult> {
  const { options, io } = walk;
  io.out(`\n== ${ANN_STAGE}\n`);
  let graph: Graph;
  let source: string;
  let initial: Graph | undefined;
  if (options.model !== undefined) {
    graph = await loadUserModel(walk, options.model);
    source = `your model ${options.model}`;
  } else {
    initial = kerasToSnnGraph(options.seed);
    const settings = { what: 'ann', initial: graphHash(initial!), optimizer: { type: 'adam', learningRate: 1e-3 }, batchSize: 200, epochs: options.annEpochs, seed: options.seed, trainImages: walk.train.count, maxShift: MAX_SHIFT };
    const trained = await cachedTraining(walk, 'ann', settings, () =>
      trainNetwork(walk, initial!, { label: 'ANN', optimizer: { type: 'adam', learningRate: 1e-3 }, epochs: options.annEpochs, batchSize: 200, maxShift: MAX_SHIFT }),
    );
    graph = trained.graph;
    source =
      `the keras-to-snn network (28x28x1 -> conv 3x3x32 relu -> conv 3x3x64 stride 2 relu -> dense 10) built with the IR builder, trained ${options.annEpochs} epoch${options.annEpochs === 1 ? '' : 's'} on ` +
      `${walk.train.count.toLocaleString('en-US')} images (Adam 1e-3, batch 200, each epoch's images shifted by up to ${MAX_SHIFT} pixel at random, seed ${options.seed})${trained.cached ? ', parameters from the cache' : ''}`;
  }
  const row = await evaluateRow(walk, graph, { stage: ANN_STAGE, name: 'ANN', steps: 1, mode: 'rate' });
  io.out(`${source}\n\n${stageTableText([row], row.accuracy)}`);
  walk.report.section(
    ANN_STAGE,
    paragraph(`The starting point: ${source}. It runs in rate mode (one step, ReLU as a function), the accuracy every spiking network below is compared with.`),
    stageTableHtml([row], row.accuracy),
  );
  return { graph, row, source, ...(initial ? { initial } : {}) };
}

/** `--model`: an `.snn` network as it is, or a Keras / TensorFlow.js model imported (inference-only relaxations listed), as `snn train` loads it. */
async function loadUserModel(walk: Walk, path: string): Promise<Graph> {
  if (!existsSync(path)) {
    throw new SnnError('WALK_MODEL', `--model ${path} does not exist; give a Keras (.h5, .keras), TensorFlow.js (model.json) or .snn file`, { where: path });
  }
  const { loadTrainingModel } = await import('@snn/cli/models');
  const { graph, warnings } = await loadTrainingModel(path, walk.options.seed);
  for (const w of warnings) walk.io.err(`  warning: ${w}\n`);
  return graph;
}
