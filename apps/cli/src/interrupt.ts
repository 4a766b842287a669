/** Exit code of a run stopped by Ctrl-C (SIGINT): 128 + the signal's number 2, as shells report it. */
export const INTERRUPTED_EXIT = 130;

let installed = false;

/**
 * Make Ctrl-C (SIGINT) stop program `name` cleanly: one line on stderr and exit code 130.
 * The handler runs between steps of the run, never inside a file write (writes are
 * synchronous and atomic: temporary file, then rename), so every output file is either
 * whole or not written, and no temporary file is left. A second Ctrl-C while the line is
 * being flushed exits at once. Long computations must let the event loop run now and then
 * (`trainEpochs` does between batches) for the handler to run. Calls after the first do nothing.
 *
 * Call it as the program's first statement, imported from `@snn/cli/interrupt` (this file, which
 * loads nothing): until then Node's own handler ends the process by the signal, silently, and
 * Node runs no JavaScript at all during its first ~50 ms (docs/reliability.md).
 */
export function exitOnInterrupt(name: string): void {
  if (installed) return;
  installed = true;
  let stopping = false;
  process.on('SIGINT', () => {
    if (stopping) process.exit(INTERRUPTED_EXIT);
    stopping = true;
    process.stderr.write(`${name}: interrupted (Ctrl-C); stopped, files already written are whole, nothing else was written\n`, () => process.exit(INTERRUPTED_EXIT));
  });
}
