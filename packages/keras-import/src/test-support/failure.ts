// Test-only: capture the SnnError a call throws.
import { isSnnError } from '@snn/ir';

/** The SnnError `fn` throws or rejects with; fails when it succeeds or throws something else. */
export async function failure(fn: () => unknown): Promise<{ code: string; message: string; where?: string }> {
  try {
    await fn();
  } catch (e) {
    if (isSnnError(e)) return { code: e.code, message: e.message, where: e.where };
    throw e;
  }
  throw new Error('expected an SnnError, but the call succeeded');
}
