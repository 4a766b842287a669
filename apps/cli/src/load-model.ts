import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { decodeSnn, SnnError, type Graph } from '@snn/ir';
import { hasConversionFlags, importOptions, type ConversionFlags } from './conversion-flags.js';
import { UsageError } from './usage-error.js';

/** A network ready to simulate, from a Keras model (converted now) or an `.snn` file. */
export interface LoadedModel {
  readonly graph: Graph;
  /** What the conversion warned about (empty for `.snn` files). */
  readonly warnings: readonly string[];
  /** `snn` for a converted network file, else the Keras format the file was read as. */
  readonly format: string;
}

const SNN_MAGIC = 'SNN1';

/** Check that `path` is a readable file, with a clear error (code `CLI_FILE`) if not. */
export function checkFile(path: string, what: string): void {
  let isFile: boolean;
  try {
    isFile = statSync(path).isFile();
  } catch (cause) {
    const code = (cause as { code?: string }).code;
    throw new SnnError('CLI_FILE', `${what} ${path} ${code === 'ENOENT' ? 'does not exist' : `cannot be read (${code ?? String(cause)})`}; check the path`, { where: path, cause });
  }
  if (!isFile) throw new SnnError('CLI_FILE', `${what} ${path} is not a file; give the model file itself (for TensorFlow.js, its model.json)`, { where: path });
}

/** True when the file starts with the `.snn` magic bytes. */
export function isSnnFile(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(4);
    const n = readSync(fd, head, 0, 4, 0);
    return n === 4 && head.toString('latin1') === SNN_MAGIC;
  } finally {
    closeSync(fd);
  }
}

/**
 * Load `path`: an `.snn` network as it is (conversion flags are then bad usage, since the
 * network is already converted), or a Keras / TensorFlow.js model converted with the flags.
 */
export async function loadModel(path: string, flags: ConversionFlags): Promise<LoadedModel> {
  checkFile(path, 'model file');
  if (isSnnFile(path)) {
    if (hasConversionFlags(flags)) {
      throw new UsageError(`${path} is an already converted .snn network; conversion flags apply to Keras models only (convert the Keras model again with them)`);
    }
    const bytes = readFileSync(path);
    return { graph: decodeSnn(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), { source: path }), warnings: [], format: 'snn' };
  }
  if (flags.architecture !== undefined) checkFile(flags.architecture, 'architecture file');
  const options = importOptions(flags);
  const { importKerasFile } = await import('@snn/keras-import/node'); // on use: keeps --help instant
  const { graph, warnings } = await importKerasFile(path, { ...options, ...(flags.architecture !== undefined ? { architecturePath: flags.architecture } : {}) });
  const source = (graph.metadata as { source?: { format?: string } } | undefined)?.source;
  return { graph, warnings, format: source?.format ?? 'keras' };
}
