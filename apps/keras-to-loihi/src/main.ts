#!/usr/bin/env node
import { exitOnInterrupt } from '@snn/cli/interrupt';

exitOnInterrupt('keras-to-loihi'); // before loading the rest, which takes a moment
const { runWalkMain } = await import('@snn/keras-to-snn/shared');
const { createProgram } = await import('./options.js');
const { runLoihiWalk } = await import('./run.js');

await runWalkMain('keras-to-loihi', (io) => createProgram((options) => runLoihiWalk(options, io).then(() => undefined), io), process.argv.slice(2));
