import { fileURLToPath } from 'node:url';
import { untilSigintHandled } from '@snn/cli/sigint-ready';
import { describe, expect, it } from 'vitest';

/* Ctrl-C (SIGINT) from the start of keras-to-loihi (issue 22): its handler (one line, exit 130) is its first statement. */
const main = fileURLToPath(new URL('../dist/main.js', import.meta.url));

describe('keras-to-loihi: Ctrl-C right from the start', () => {
  it('handles Ctrl-C before it loads anything else (commander, @snn/ir, the walkthrough)', async () => {
    const ready = await untilSigintHandled(main, ['--help']);
    expect(ready.loaded.map((u) => u.replace(/^.*\/apps\//, ''))).toEqual(['keras-to-loihi/dist/main.js', 'cli/dist/interrupt.js']);
  });
});
