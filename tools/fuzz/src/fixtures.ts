import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the shared Keras fixture files live: `SNN_FIXTURES`, else `shared/fixtures/keras` beside the checkout. */
export const FIXTURE_DIR = process.env.SNN_FIXTURES ?? fileURLToPath(new URL('../../../../shared/fixtures/keras/', import.meta.url));

/** Bytes of a fixture file. */
export function fixtureBytes(file: string): Uint8Array {
  return new Uint8Array(readFileSync(join(FIXTURE_DIR, file)));
}
