#!/usr/bin/env node
import { runWalkMain } from '@snn/keras-to-snn/shared';
import { createProgram } from './options.js';
import { runLoihiWalk } from './run.js';

await runWalkMain('keras-to-loihi', (io) => createProgram((options) => runLoihiWalk(options, io).then(() => undefined), io), process.argv.slice(2));
