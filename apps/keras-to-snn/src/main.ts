#!/usr/bin/env node
import { createProgram } from './options.js';
import { runWalkthrough } from './run.js';
import { runWalkMain } from './walk-program.js';

await runWalkMain('keras-to-snn', (io) => createProgram((options) => runWalkthrough(options, io).then(() => undefined), io), process.argv.slice(2));
