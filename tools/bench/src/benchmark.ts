/** What a benchmark gets from the runner. */
export interface BenchContext {
  /** `--quick`: a smaller run for smoke tests. */
  readonly quick: boolean;
  /** Other `--name value` flags. */
  readonly flags: Readonly<Record<string, string>>;
  /** Print a line for people (suppressed from stdout's last line in --json mode). */
  log(line: string): void;
  /** A progress callback that draws a bar on stderr. */
  progress(label: string): (done: number, total: number) => void;
  /** Print a two-column summary table. */
  table(rows: ReadonlyArray<readonly [string, string]>): void;
}

/** A named benchmark; `run` returns the numbers printed as JSON with --json. */
export interface Benchmark {
  readonly name: string;
  readonly description: string;
  run(ctx: BenchContext): Promise<Record<string, number>>;
}
