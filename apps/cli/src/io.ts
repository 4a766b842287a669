/** Where the command line writes: stdout for results, stderr for errors, warnings and progress. */
export interface CliIo {
  /** Write to standard output. */
  out(text: string): void;
  /** Write to standard error. */
  err(text: string): void;
  /** True when stderr is a terminal (progress bars are drawn only there). */
  readonly errIsTTY: boolean;
}

/** The process's own stdout and stderr. */
export function processIo(): CliIo {
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    errIsTTY: process.stderr.isTTY === true,
  };
}

/** An in-memory {@link CliIo} for tests and programs calling the command line in-process. */
export function bufferIo(): CliIo & { readonly stdout: () => string; readonly stderr: () => string } {
  let out = '';
  let err = '';
  return {
    out: (text) => void (out += text),
    err: (text) => void (err += text),
    errIsTTY: false,
    stdout: () => out,
    stderr: () => err,
  };
}
