import { isSnnError } from '@snn/ir';

/** Bad usage found after parsing (flags that do not go together, a value out of range): exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * One line for a failed run: the SnnError code and its message (which names the file,
 * layer or option at fault), or the message of any other error. Never a stack trace.
 */
export function describeFailure(e: unknown): string {
  if (isSnnError(e)) return `${e.code}: ${PLUGIN_HINTS.has(e.code) ? `${oneLine(e.message).replace(/\.+$/, '')}. ${PLUGIN_HINT}` : oneLine(e.message)}`;
  if (e instanceof Error) return oneLine(e.message);
  return oneLine(String(e));
}

/**
 * The stack trace of a failed run (and of its causes) when `argv` holds `--verbose` or
 * $SNN_VERBOSE is set, else nothing: users see one line, developers ask for the rest.
 */
export function verboseTrace(argv: readonly string[], e: unknown): string {
  if (!argv.includes('--verbose') && !process.env.SNN_VERBOSE) return '';
  let trace = '';
  for (let cause: unknown = e, depth = 0; cause !== undefined && depth < 5; cause = (cause as { cause?: unknown }).cause, depth++) {
    trace += `${depth ? 'caused by: ' : ''}${cause instanceof Error ? (cause.stack ?? cause.message) : String(cause)}\n`;
  }
  return trace;
}

/** Codes of a name nothing registered: a plugin may define it. */
const PLUGIN_HINTS = new Set(['KERAS_UNSUPPORTED_LAYER', 'NEURON_UNKNOWN', 'SYNAPSE_UNKNOWN']);
const PLUGIN_HINT = 'If a plugin defines it, pass --plugin MODULE (a module whose register({ neurons, synapses, converters }) adds it)';

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
