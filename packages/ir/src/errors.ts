/**
 * Typed error for everything snn reports to a user. `code` is stable and machine-readable;
 * the message names the node, layer, field or file at fault and says how to fix it.
 */
export class SnnError extends Error {
  /** Stable machine-readable code, e.g. `IR_SHAPE_MISMATCH`. */
  readonly code: string;
  /** Node, layer, file or field the error is about, when there is one. */
  readonly where?: string;

  constructor(code: string, message: string, options: { where?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'SnnError';
    this.code = code;
    this.where = options.where;
  }
}

/** True when `e` is an {@link SnnError}, optionally with the given code. */
export function isSnnError(e: unknown, code?: string): e is SnnError {
  return e instanceof SnnError && (code === undefined || e.code === code);
}
