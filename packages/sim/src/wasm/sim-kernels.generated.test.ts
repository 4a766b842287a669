import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

describe('sim-kernels.generated.ts', () => {
  it('is what sim-kernels.wat assembles to (regenerate with npm run build:wasm)', () => {
    const pkg = fileURLToPath(new URL('../../', import.meta.url));
    const out = execFileSync(
      process.execPath,
      ['../../tools/wasm/build-wasm.mjs', 'src/wasm/sim-kernels.wat', 'src/wasm/sim-kernels.generated.ts', 'simKernelsWasmBase64', '--check'],
      { cwd: pkg, encoding: 'utf8' },
    );
    expect(out).toMatch(/is current/);
  });
});
