import { readFileSync } from 'node:fs';
import { SnnError, decodeSnn, encodeSnn, type Graph } from '@snn/ir';
import { exportGraph } from '../model/export-graph.js';
import { TrainableModel } from '../model/model.js';
import type { OptimizerState } from '../optimizers/optimizer-state.js';
import { writeFileAtomic, type AtomicWriteHooks } from './atomic-write.js';

/** Training state stored in a checkpoint's graph metadata under `training`. */
export interface CheckpointInfo {
  /** Epochs completed when the checkpoint was written. */
  readonly epoch?: number;
  /** The optimizer's state, to resume with its moments (a `trainEpochs` snapshot holds it). */
  readonly optimizer?: OptimizerState;
  /** Anything else worth keeping (loss, accuracy, options). */
  readonly [key: string]: unknown;
}

/**
 * Save a model's trained graph (or a graph) as a `.snn` file, atomically (temporary file +
 * rename): an interrupted save never leaves a corrupt checkpoint. `info` is stored in the
 * graph's metadata under `training`; with `info.optimizer` (from a `trainEpochs` snapshot)
 * a resumed run continues with the optimizer's moments, else it restarts them. Node only.
 */
export function saveCheckpoint(path: string, model: TrainableModel | Graph, info: CheckpointInfo = {}, hooks?: AtomicWriteHooks): void {
  const graph = model instanceof TrainableModel ? exportGraph(model) : model;
  const withInfo: Graph = { ...graph, metadata: { ...graph.metadata, training: { ...info } } };
  writeFileAtomic(path, encodeSnn(withInfo), hooks);
}

/** A checkpoint's graph and the training info saved with it. */
export interface LoadedCheckpoint {
  readonly graph: Graph;
  readonly info: CheckpointInfo;
}

/** Load a checkpoint written by {@link saveCheckpoint} (validated like any `.snn` file). Node only. */
export function loadCheckpoint(path: string): LoadedCheckpoint {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new SnnError('CHECKPOINT_READ_FAILED', `could not read checkpoint '${path}' (${why})`, { where: path, cause: error });
  }
  const graph = decodeSnn(bytes, { source: path });
  const info = (graph.metadata?.training ?? {}) as CheckpointInfo;
  return { graph, info };
}
