import { SnnError } from '@snn/ir';

/**
 * Stable codes of the errors `@snn/nir` raises, each with what it means. Programs branch
 * on these (`isSnnError(e, 'NIR_UNMAPPABLE_NODE')`); people read the message.
 */
export const nirErrorCodes = {
  NIR_UNMAPPABLE_NODE: 'a node kind has no counterpart on the other side (e.g. max pooling in NIR, Threshold in snn)',
  NIR_UNMAPPABLE_PARAM: 'a node maps, but one of its parameter values cannot be represented on the other side (e.g. v_reset != 0)',
  NIR_BAD_FILE: 'the bytes are not a NIR file (not HDF5, or no `node` group of type NIRGraph)',
  NIR_BAD_NODE: 'a NIR node lacks a dataset its type needs, or a dataset has the wrong shape',
} as const;

/** One of the codes in {@link nirErrorCodes}. */
export type NirErrorCode = keyof typeof nirErrorCodes;

/** Build an {@link SnnError} with a NIR code; `where` is the node id at fault. */
export function nirError(code: NirErrorCode, where: string | undefined, message: string, cause?: unknown): SnnError {
  return new SnnError(code, message, { where, cause });
}
