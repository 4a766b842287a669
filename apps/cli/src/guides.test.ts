import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const script = fileURLToPath(new URL('../../../docs/guides/examples/getting-started.mjs', import.meta.url));

describe('docs/guides/getting-started.md: its example runs and prints what the guide shows', () => {
  it('builds and runs a LIF network, converts the LeNet fixture and classifies 1,000 digits (the numbers the guide quotes)', async () => {
    const { stdout } = await run(process.execPath, [script], { timeout: 120_000 });
    // deterministic: seeded weights, the first 100 / 1,000 MNIST test digits, float64 reference steps
    expect(stdout.trim().split('\n')).toEqual(['LIF layer: 1.3 Hz mean rate, 20.5 SynOps per image', 'Keras LeNet on 1,000 test digits: ANN 98.7%, spiking (30 steps) 97.9%']);
  }, 120_000);
});
