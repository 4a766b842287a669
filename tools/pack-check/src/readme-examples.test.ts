import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { WORKSPACE } from './pack-install.js';

const PACKAGES = ['ir', 'neurons', 'synapses', 'sim', 'keras-import', 'mnist', 'train', 'report', 'loihi', 'nir', 'hdf5'];
const FIXTURES = process.env.SNN_FIXTURES ?? join(WORKSPACE, '../shared/fixtures/keras/');
// inside the workspace, so that the examples' imports resolve to the built packages
const dir = mkdtempSync(join(fileURLToPath(new URL('..', import.meta.url)), '.readme-run-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** No colours: console.log would colour numbers when the test runner forces colour. */
const plainEnv = Object.fromEntries([...Object.entries(process.env).filter(([key]) => key !== 'FORCE_COLOR'), ['NO_COLOR', '1']]);

/** The first ```js block of a README. */
function example(readme: string): string {
  const match = /```js\n([\s\S]*?)```/.exec(readme);
  if (!match) throw new Error('no ```js example');
  return match[1];
}

describe('README examples', () => {
  copyFileSync(join(FIXTURES, 'snn_lenet_avgpool_bias.h5'), join(dir, 'model.h5')); // the keras-import example's model.h5
  for (const p of PACKAGES) {
    it(`@snn/${p}: the example runs and prints what its comments say`, () => {
      const code = example(readFileSync(join(WORKSPACE, 'packages', p, 'README.md'), 'utf8'));
      writeFileSync(join(dir, `${p}.mjs`), code);
      const out = execFileSync(process.execPath, [`${p}.mjs`], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: plainEnv });
      // a comment on a console.log line that starts with a number or `[` is its output (up to a `:` or ` (` that explains it)
      const printed = [...code.matchAll(/console\.log\(.*\); \/\/ ([\d[][^:\n]*?)(?::|$| \()/gm)].map((m) => m[1].trim());
      for (const text of printed) expect(out).toContain(text);
      expect(out.trim().length).toBeGreaterThan(0);
    });
  }
});
