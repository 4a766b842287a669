// Run with `npx vitest bench` (not part of `vitest run`); the workspace benchmark calls
// measureEmulatorThroughput instead.
import { bench, describe } from 'vitest';
import { measureEmulatorThroughput } from './emulator-throughput.js';

describe('LoihiEmulator, 2 x 512 compartments, 20 samples', () => {
  bench('30 steps', () => {
    measureEmulatorThroughput({ compartments: 512, nSamples: 20, steps: 30 });
  });
});
