#!/usr/bin/env node
import { CommanderError } from 'commander';
import { describeFailure, UsageError } from '@snn/cli/args';
import { createProgram } from './options.js';
import { runWalkthrough } from './run.js';

const io = { out: (t: string) => void process.stdout.write(t), err: (t: string) => void process.stderr.write(t), errIsTTY: process.stderr.isTTY === true };
let code = 0;
try {
  await createProgram((options) => runWalkthrough(options, io).then(() => undefined), io).parseAsync(process.argv.slice(2), { from: 'user' });
} catch (e) {
  if (e instanceof CommanderError) code = e.exitCode === 0 ? 0 : 2;
  else if (e instanceof UsageError) {
    io.err(`keras-to-snn: ${e.message}\n`);
    code = 2;
  } else {
    io.err(`keras-to-snn: ${describeFailure(e)}${process.env.SNN_VERBOSE ? `\n${e instanceof Error ? e.stack : ''}` : ''}\n`);
    code = 1;
  }
}
// worker threads of the WebAssembly backend may keep the event loop alive: exit once output is flushed
let pending = 2;
const flushed = (): void => {
  if (--pending === 0) process.exit(code);
};
process.stdout.write('', flushed);
process.stderr.write('', flushed);
