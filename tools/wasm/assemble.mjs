// Assemble a WebAssembly text module (SIMD + threads) with wabt; `;; #include "file"` lines are
// replaced by that file, relative to the .wat. Shared by build-wasm.mjs and the kernel A/B
// scripts (e.g. packages/neurons/scripts/ab-lif-f32.mjs).
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import wabt from 'wabt';

/** The module's text with every `;; #include "file"` line replaced by that file. */
export function resolveIncludes(path) {
  return readFileSync(path, 'utf8').replace(/^\s*;; #include "([^"]+)"\s*$/gm, (_, name) =>
    readFileSync(join(dirname(path), name), 'utf8').trimEnd(),
  );
}

/** The binary module that the .wat at `src` (with its includes) assembles to. */
export async function assemble(src) {
  const tools = await wabt();
  const features = { simd: true, threads: true };
  const module = tools.parseWat(basename(src), resolveIncludes(src), features);
  try {
    module.validate(features);
    return module.toBinary({ canonicalize_lebs: true }).buffer;
  } finally {
    module.destroy();
  }
}
