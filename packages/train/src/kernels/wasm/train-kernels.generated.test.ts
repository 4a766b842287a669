import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const modules: Array<[string, string]> = [
  ['train-kernels', 'trainKernelsWasmBase64'],
  ['train-kernels-shared', 'trainKernelsSharedWasmBase64'],
];

describe('the generated training-kernel modules', () => {
  for (const [name, exportName] of modules) {
    it(`${name}.generated.ts is what ${name}.wat assembles to (node tools/wasm/build-wasm.mjs regenerates it)`, () => {
      const pkg = fileURLToPath(new URL('../../../', import.meta.url));
      const dir = 'src/kernels/wasm';
      const out = execFileSync(
        process.execPath,
        ['../../tools/wasm/build-wasm.mjs', `${dir}/${name}.wat`, `${dir}/${name}.generated.ts`, exportName, '--check'],
        { cwd: pkg, encoding: 'utf8' },
      );
      expect(out).toMatch(/is current/);
    });
  }
});
