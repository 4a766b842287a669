import { existsSync } from 'node:fs';
import { SnnError } from '@snn/ir';

/** Where Debian's chromium package puts the browser. */
export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/**
 * The Chromium binary to drive: `CHROMIUM_PATH` if set, else Debian's `/usr/bin/chromium`.
 * Throws BROWSER_NOT_FOUND naming the path and the fix when it is missing.
 */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  const path = env.CHROMIUM_PATH || DEFAULT_CHROMIUM;
  if (!existsSync(path)) {
    const from = env.CHROMIUM_PATH ? 'CHROMIUM_PATH' : 'the default path';
    throw new SnnError(
      'BROWSER_NOT_FOUND',
      `no Chromium at ${path} (${from}): run tools/scripts/install-chromium.sh (installs Debian's chromium), or set CHROMIUM_PATH to a Chromium binary`,
      { where: path },
    );
  }
  return path;
}
