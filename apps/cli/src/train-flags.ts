import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import { SnnError } from '@snn/ir';
import { UsageError } from './usage-error.js';

/** The flags of `snn train` as commander parses them. */
export interface TrainFlags {
  readonly data: 'mnist-train';
  readonly epochs: number;
  readonly batch: number;
  readonly optimizer: 'adam' | 'rmsprop' | 'sgd';
  readonly lr: number;
  readonly seed: number;
  readonly limit?: number;
  readonly testLimit?: number;
  readonly neuron?: readonly string[];
  readonly quantizeSteps?: number;
  readonly quantizePercentile: number;
  readonly quantizeImages: number;
  readonly rateTarget?: number;
  readonly rateWeight?: number;
  readonly rateLayer?: readonly string[];
  readonly checkpoint?: string;
  readonly resume?: string;
  readonly output: string;
  readonly json?: boolean;
}

/** NengoDL's keras-to-snn example weighs each firing-rate term by 1e-3 (spec §6). */
export const DEFAULT_RATE_WEIGHT = 1e-3;

/** Flag combinations and output paths that are wrong before anything is loaded (not after an hour of training). */
export function checkTrainUsage(model: string | undefined, flags: TrainFlags): void {
  if (model === undefined && flags.resume === undefined) throw new UsageError('give MODEL (a Keras model, an .snn network or keras-to-snn), or --resume FILE to continue from a checkpoint');
  if (flags.rateTarget === undefined) {
    if (flags.rateWeight !== undefined) throw new UsageError('--rate-weight needs --rate-target HZ (the rate the layers are pulled towards)');
    if (flags.rateLayer !== undefined) throw new UsageError('--rate-layer needs --rate-target HZ (the rate the layers are pulled towards)');
  }
  if (flags.limit !== undefined && flags.batch > flags.limit) throw new UsageError(`--batch ${flags.batch} is more than the ${flags.limit} training images of --limit; give --batch ${flags.limit} or less`);
  for (const [flag, path] of [['--output', flags.output], ['--checkpoint', flags.checkpoint]] as const) {
    if (path !== undefined) checkFolder(flag, path);
  }
}

/** The folder a file is to be written in must exist. */
function checkFolder(flag: string, path: string): void {
  const folder = dirname(path);
  let ok = false;
  try {
    ok = statSync(folder).isDirectory();
  } catch {
    ok = false;
  }
  if (!ok) throw new SnnError('CLI_WRITE', `${flag} ${path}: the folder ${folder} does not exist; create it or choose another path`, { where: path });
}

/** The epoch counter of a `--resume` checkpoint, checked against `--epochs`. */
export function checkpointEpoch(epoch: unknown, flags: TrainFlags): number {
  if (typeof epoch !== 'number' || !Number.isInteger(epoch) || epoch < 0) {
    throw new SnnError('CLI_CHECKPOINT', `--resume ${flags.resume} has no epoch counter (metadata.training.epoch); resume from a file written by snn train --checkpoint`, { where: flags.resume });
  }
  if (epoch >= flags.epochs) {
    throw new UsageError(`--resume ${flags.resume} has ${epoch} epoch${epoch === 1 ? '' : 's'} done already; --epochs ${flags.epochs} leaves none to run; give --epochs ${epoch + 1} or more`);
  }
  return epoch;
}
