#!/usr/bin/env node
import { exitOnInterrupt } from './interrupt.js';

// Ctrl-C handling first, then load the rest (loading takes a moment): a Ctrl-C from here on
// exits with code 130 and one line.
exitOnInterrupt('snn');
const { runCli } = await import('./cli.js');
const { processIo } = await import('./io.js');

const code = await runCli(process.argv.slice(2), processIo());
process.exitCode = code;
// Threads of the WebAssembly backend may keep the event loop alive after the run: exit
// once everything written to stdout and stderr is flushed (pipes are asynchronous on macOS).
let pending = 2;
const flushed = (): void => {
  if (--pending === 0) process.exit(code);
};
process.stdout.write('', flushed);
process.stderr.write('', flushed);
