import { CommanderError } from 'commander';
import type { CliIo } from './io.js';
import { createProgram } from './program.js';
import { describeFailure, UsageError, verboseTrace } from './usage-error.js';

/** Exit codes of `snn`. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/**
 * Run `snn` with `argv` (the arguments after the program name), writing to `io`, and
 * resolve to the exit code: 0 success, 1 a failed run (one line: the SnnError code and
 * message; with `--verbose` or $SNN_VERBOSE also the stack trace), 2 bad usage (unknown flag, missing argument, bad number). Never throws.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const program = createProgram(io);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return EXIT.ok;
  } catch (e) {
    if (e instanceof CommanderError) {
      // help and version exit 0; commander has already printed its one-line message otherwise
      return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (e instanceof UsageError) {
      io.err(`snn: ${e.message}\n`);
      return EXIT.usage;
    }
    io.err(`snn: ${describeFailure(e)}\n${verboseTrace(argv, e)}`);
    return EXIT.failed;
  }
}
