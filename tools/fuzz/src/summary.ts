import type { FuzzReport } from './run-fuzz.js';

/** Counts of a fuzz run: per error code, loaded models, problems, slowest case and peak memory. */
export interface FuzzSummary {
  readonly format: string;
  readonly cases: number;
  readonly errorsByCode: Readonly<Record<string, number>>;
  readonly loaded: number;
  readonly skipped: number;
  /** Cases that broke a rule: untyped error, a message not naming the file, must-fail damage that loaded, files left, crash, hang, over 2 s. */
  readonly problems: readonly string[];
  /**
   * Cases that ended in a trap of the HDF5 library (a WebAssembly RuntimeError, as the cause of a
   * typed error): damage to a global heap collection's own signature or version, which
   * `@snn/hdf5`'s checks cannot recognize. `@snn/hdf5` then reads with a new instance; the
   * undamaged file loading right after is checked (a failure is a problem).
   */
  readonly trapped: readonly string[];
  /**
   * Instances of the HDF5 library replaced after traps: one per case in `trapped`, and one per
   * trap of an instance earlier damaged files had made fail that a second read with a new
   * instance then did without (those cases end as any other).
   */
  readonly renewals: number;
  readonly maxMs: number;
  readonly slowest: string;
  readonly maxRssMb: number;
  readonly wallS: number;
}

/** Per-case time limit (ms) and memory limit (bytes) every case must meet. */
export const LIMITS = { ms: 2000, rss: 1024 ** 3 } as const;

/** Summarize a report, listing every case that broke a rule. */
export function summarize(report: FuzzReport, allowedCodes: readonly string[]): FuzzSummary {
  const errorsByCode: Record<string, number> = {};
  const problems: string[] = [];
  let maxMs = 0;
  let slowest = '';
  let maxRss = 0;
  const trapped: string[] = [];
  let renewals = 0;
  for (const r of report.results) {
    const label = `case ${r.index} (${r.mutation})`;
    if (r.outcome === 'error') {
      errorsByCode[r.code ?? '?'] = (errorsByCode[r.code ?? '?'] ?? 0) + 1;
      if (!allowedCodes.includes(r.code ?? '')) problems.push(`${label}: error code ${r.code} is not one of the readers' codes`);
      if (!r.named) problems.push(`${label}: message does not name the file: ${r.message}`);
    }
    if (r.trapped) trapped.push(`${label}: ${r.message}`);
    renewals += r.renewals ?? 0;
    if (r.recovered === false) problems.push(`${label}: the undamaged file did not load after the HDF5 library trapped: ${r.afterTrap}`);
    if (r.outcome === 'untyped') problems.push(`${label}: not an SnnError: ${r.message}`);
    if (r.outcome === 'loaded' && !r.mayLoad) problems.push(`${label}: loaded although the damage must be refused`);
    if (r.leftFiles) problems.push(`${label}: left files in h5wasm's file system: ${r.leftFiles.join(', ')}`);
    if (r.ms > LIMITS.ms) problems.push(`${label}: took ${r.ms.toFixed(0)} ms`);
    if (r.ms > maxMs) [maxMs, slowest] = [r.ms, r.mutation];
    maxRss = Math.max(maxRss, r.maxRss);
  }
  if (maxRss > LIMITS.rss) problems.push(`peak RSS ${(maxRss / 2 ** 20).toFixed(0)} MiB is over 1 GiB`);
  for (const l of report.lost) problems.push(`case ${l.index}: ${l.what} (${l.detail})`);
  for (const f of report.filesWritten) problems.push(`a reader wrote ${f}`);
  return {
    format: report.format,
    cases: report.results.length + report.lost.length,
    errorsByCode,
    loaded: report.results.filter((r) => r.outcome === 'loaded').length,
    skipped: report.results.filter((r) => r.outcome === 'skipped').length,
    problems,
    trapped,
    renewals,
    maxMs,
    slowest,
    maxRssMb: maxRss / 2 ** 20,
    wallS: report.wallMs / 1000,
  };
}
