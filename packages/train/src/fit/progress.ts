import { formatBar } from '@snn/report';

/** Progress of a training run after one batch. */
export interface BatchProgress {
  /** Epoch (1-based) and number of epochs. */
  readonly epoch: number;
  readonly epochs: number;
  /** Batches done in this epoch and batches per epoch. */
  readonly batch: number;
  readonly batches: number;
  /** Mean total loss over this epoch's batches so far. */
  readonly loss: number;
  /** Training throughput over this epoch so far. */
  readonly samplesPerSecond: number;
  /** Seconds since the epoch started. */
  readonly seconds: number;
}

/** One line (the bar is `@snn/report`'s `formatBar`): `epoch 1/2 [#########...........] 150/300 loss 0.2315 1234 samples/s 12.3s` (`unit` names the samples, e.g. `images`). */
export function formatProgress(p: BatchProgress, width = 30, unit = 'samples'): string {
  const pad = String(p.batches).length;
  return (
    `epoch ${p.epoch}/${p.epochs} [${formatBar(p.batch / Math.max(1, p.batches), width)}] ${String(p.batch).padStart(pad)}/${p.batches} ` +
    `loss ${p.loss.toFixed(4)} ${Math.round(p.samplesPerSecond)} ${unit}/s ${p.seconds.toFixed(1)}s`
  );
}

/** Where a progress bar writes: anything with `write(text)` (e.g. `process.stderr`). */
export interface TextSink {
  write(text: string): unknown;
}

/**
 * A `fit` `onBatch` callback that redraws one progress line on `sink` (default: the
 * process's stderr where there is one, else nothing) and ends the line after each epoch.
 */
export function progressBar(sink?: TextSink, width = 30, unit = 'samples'): (p: BatchProgress) => void {
  const out = sink ?? (globalThis as { process?: { stderr?: TextSink } }).process?.stderr;
  return (p) => {
    if (!out) return;
    out.write(`\r${formatProgress(p, width, unit)}${p.batch === p.batches ? '\n' : ''}`);
  };
}
