import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

describe('neuron-kernels.generated.ts', () => {
  it('is what neuron-kernels.wat (with its includes) assembles to (run npm run build:wasm if not)', () => {
    const pkg = fileURLToPath(new URL('../../', import.meta.url));
    const out = execFileSync(
      process.execPath,
      ['../../tools/wasm/build-wasm.mjs', 'src/wasm/neuron-kernels.wat', 'src/wasm/neuron-kernels.generated.ts', 'neuronKernelsWasmBase64', '--check'],
      { cwd: pkg, encoding: 'utf8' },
    );
    expect(out).toMatch(/is current/);
  });
});
