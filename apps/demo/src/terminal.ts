import { renameSync, writeFileSync } from 'node:fs';

/** A progress callback drawing a bar on stderr (only on a terminal). */
export function progressBar(label: string): (done: number, total: number) => void {
  const start = performance.now();
  return (done, total) => {
    if (!process.stderr.isTTY) return;
    const width = 30;
    const filled = Math.round((done / total) * width);
    const secs = (performance.now() - start) / 1000;
    process.stderr.write(`\r${label.padEnd(20)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${secs.toFixed(1)} s${done === total ? '\n' : ''}`);
  };
}

/** A horizontal bar for a value in [0, 1]. */
export function bar(value: number, width: number): string {
  const n = Math.max(0, Math.min(width, Math.round(value * width)));
  return '█'.repeat(n) + '·'.repeat(width - n);
}

/** Print a titled two-column table. */
export function table(title: string, rows: ReadonlyArray<readonly [string, string]>): void {
  const w = Math.max(...rows.map((r) => r[0].length));
  process.stdout.write(`\n${title}\n` + rows.map(([k, v]) => `  ${k.padEnd(w)}  ${v}`).join('\n') + '\n');
}

/** Write a file atomically: to a temporary name beside it, then rename. */
export function writeFileAtomic(path: string, data: Uint8Array): void {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}
