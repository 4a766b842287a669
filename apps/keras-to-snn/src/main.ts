#!/usr/bin/env node
import { exitOnInterrupt } from '@snn/cli/interrupt';

exitOnInterrupt('keras-to-snn'); // before loading the rest, which takes a moment
const { createProgram } = await import('./options.js');
const { runWalkthrough } = await import('./run.js');
const { runWalkMain } = await import('./walk-program.js');

await runWalkMain('keras-to-snn', (io) => createProgram((options) => runWalkthrough(options, io).then(() => undefined), io), process.argv.slice(2));
