import type { TrainedEpoch } from '@snn/train';
import { formatCount, formatTable } from '@snn/report';

/** One epoch in the `--json` summary of `snn train`. */
export interface TrainEpochSummary {
  readonly epoch: number;
  /** Mean weighted total loss over the epoch's batches (firing-rate terms included). */
  readonly loss: number;
  /** Training accuracy over the epoch's batches (0..1). */
  readonly trainAccuracy: number;
  /** Rate-mode accuracy on the test images after the epoch (0..1). */
  readonly testAccuracy: number;
  readonly seconds: number;
  readonly imagesPerSecond: number;
}

/** The `--json` summary: the last line `snn train --json` prints. */
export interface TrainSummary {
  readonly epochs: readonly TrainEpochSummary[];
  /** Rate-mode test accuracy after the last epoch (0..1). */
  readonly testAccuracy: number;
  /** The network file written. */
  readonly output: string;
  readonly model: string;
  /** Epochs done before this run (from `--resume`). */
  readonly startEpoch: number;
  readonly trainImages: number;
  readonly testImages: number;
  readonly optimizer: string;
  readonly learningRate: number;
  readonly batch: number;
  readonly seed: number;
  /** Firing-rate regularization, when asked for: target (Hz), weight and the neurons nodes it applies to. */
  readonly rateRegularization?: { readonly targetHz: number; readonly weight: number; readonly layers: readonly string[] };
  /** Wall-clock seconds of the whole run. */
  readonly seconds: number;
}

/** The summary of one epoch, for the `--json` object. */
export function epochSummary(e: TrainedEpoch, output: string): TrainEpochSummary {
  return {
    epoch: e.epoch,
    loss: e.loss,
    trainAccuracy: e.accuracy[output] ?? 0,
    testAccuracy: e.validation?.accuracy[output] ?? 0,
    seconds: e.seconds,
    imagesPerSecond: e.samplesPerSecond,
  };
}

const percent = (x: number): string => `${(100 * x).toFixed(2)}%`;

/** One stderr line after an epoch: losses, accuracies, time and throughput. */
export function renderEpochLine(e: TrainEpochSummary, epochs: number, testImages: number): string {
  return (
    `epoch ${e.epoch}/${epochs}: loss ${e.loss.toFixed(4)}, train accuracy ${percent(e.trainAccuracy)}, ` +
    `test accuracy ${percent(e.testAccuracy)} (${formatCount(testImages)} images, rate mode); ${e.seconds.toFixed(1)} s, ${formatCount(e.imagesPerSecond)} images/s`
  );
}

/** The human summary on stdout: what was trained, a table of the epochs, the final accuracy. */
export function renderTrainSummary(s: TrainSummary, format: string): string {
  const head =
    `${s.model} (${format}): ${s.epochs.length} epoch${s.epochs.length === 1 ? '' : 's'} on ${formatCount(s.trainImages)} images of mnist-train` +
    `${s.startEpoch > 0 ? `, resumed after epoch ${s.startEpoch}` : ''} (${s.optimizer}, learning rate ${s.learningRate}, batch ${s.batch}, seed ${s.seed})\n`;
  const rate = s.rateRegularization
    ? `firing-rate regularization: target ${s.rateRegularization.targetHz} Hz, weight ${s.rateRegularization.weight}, on ${s.rateRegularization.layers.join(', ')}\n`
    : '';
  const rows = s.epochs.map((e) => [String(e.epoch), e.loss.toFixed(4), percent(e.trainAccuracy), percent(e.testAccuracy), e.seconds.toFixed(1), formatCount(e.imagesPerSecond)]);
  const table = formatTable(['epoch', 'loss', 'train accuracy', 'test accuracy', 'seconds', 'images/s'], rows, ['right', 'right', 'right', 'right', 'right', 'right']);
  return `${head}${rate}\n${table}\ntest accuracy: ${percent(s.testAccuracy)} on ${formatCount(s.testImages)} images of mnist-test (rate mode)\n`;
}
