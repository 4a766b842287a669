/** Where a progress bar draws. */
export interface ProgressTarget {
  write(text: string): void;
  /** Bars are drawn only on a terminal: log files would fill with carriage returns. */
  readonly isTTY: boolean;
}

/** A progress bar: `update(done, total)` as work proceeds, `finish()` at the end. */
export interface Progress {
  update(done: number, total: number): void;
  finish(): void;
}

/** The bar itself, `#` for the part done and `.` for the rest: `formatBar(0.5, 10)` is `#####.....`. */
export function formatBar(fraction: number, width = 30): string {
  const filled = Math.round(Math.min(1, Math.max(0, fraction)) * width);
  return '#'.repeat(filled) + '.'.repeat(width - filled);
}

/**
 * A progress bar on `target` that appears only once the work has taken longer than
 * `delayMs` (default 1 s), so that quick runs print nothing; redrawn at most every 100 ms.
 */
export function createProgress(label: string, target: ProgressTarget, options: { readonly delayMs?: number; readonly now?: () => number; readonly width?: number } = {}): Progress {
  const now = options.now ?? (() => performance.now());
  const delay = options.delayMs ?? 1000;
  const width = options.width ?? 30;
  const start = now();
  let drawn = false;
  let lastDraw = -Infinity;
  let last = { done: 0, total: 0 };
  const draw = (done: number, total: number): void => {
    const seconds = (now() - start) / 1000;
    target.write(`\r${label} [${formatBar(total > 0 ? done / total : 0, width)}] ${done}/${total} ${seconds.toFixed(1)} s`);
    drawn = true;
    lastDraw = now();
  };
  return {
    update(done, total) {
      last = { done, total };
      if (!target.isTTY || now() - start < delay || (now() - lastDraw < 100 && done < total)) return;
      draw(done, total);
    },
    finish() {
      if (!drawn) return;
      draw(last.done, last.total);
      target.write('\n');
    },
  };
}
