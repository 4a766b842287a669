import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { applyConversion, decodeSnn, SnnError, type Graph } from '@snn/ir';
import { conversionHooks } from '@snn/neurons';
import { cliNeuronRegistry } from './registries.js';
import { hasConversionFlags, importOptions, type ConversionFlags } from './conversion-flags.js';
import type { CliIo } from './io.js';
import { UsageError } from './usage-error.js';

/** A network ready to simulate, from a Keras model (converted now) or an `.snn` file. */
export interface LoadedModel {
  readonly graph: Graph;
  /** What the conversion warned about. */
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
 * Load `path`: a Keras / TensorFlow.js model converted with the flags, or an `.snn`
 * network with the flags applied to it as graph passes (the same translation of Keras
 * layer and activation names, the same `applyConversion`: converting a model in one go
 * or converting its plain `.snn` network gives the same graph).
 */
export async function loadModel(path: string, flags: ConversionFlags): Promise<LoadedModel> {
  checkFile(path, 'model file');
  const options = importOptions(flags);
  if (isSnnFile(path)) {
    if (flags.architecture !== undefined) {
      throw new UsageError(`--architecture applies to weights-only Keras .h5 files, but ${path} is an .snn network (it holds its architecture); drop --architecture`);
    }
    const bytes = readFileSync(path);
    const graph = decodeSnn(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), { source: path });
    if (!hasConversionFlags(flags)) return { graph, warnings: [], format: 'snn' };
    const { kerasConversionOptions } = await import('@snn/keras-import'); // on use: keeps --help instant
    const neuronTypes = cliNeuronRegistry();
    const translated = kerasConversionOptions(graph, options, { neuronTypes });
    const converted = applyConversion(graph, translated.options, conversionHooks(neuronTypes));
    return { graph: converted.graph, warnings: [...translated.warnings, ...converted.notes], format: 'snn' };
  }
  if (flags.architecture !== undefined) checkFile(flags.architecture, 'architecture file');
  const { importKerasFile } = await import('@snn/keras-import/node'); // on use: keeps --help instant
  const { graph, warnings } = await importKerasFile(path, { ...options, ...(flags.architecture !== undefined ? { architecturePath: flags.architecture } : {}) });
  const source = (graph.metadata as { source?: { format?: string } } | undefined)?.source;
  return { graph, warnings, format: source?.format ?? 'keras' };
}

/**
 * Print what loading said on stderr: a `snn: warning:` line per warning, and one
 * `snn: note:` line listing what was converted for inference only (`metadata.inferenceOnly`).
 */
export function reportLoad(io: CliIo, loaded: LoadedModel): void {
  for (const w of loaded.warnings) io.err(`snn: warning: ${w}\n`);
  const entries = loaded.graph.metadata?.inferenceOnly;
  if (Array.isArray(entries) && entries.length > 0) {
    io.err(`snn: note: ${entries.map((e: { reason?: unknown }) => String(e.reason)).join('; ')} (inference only)\n`);
  }
}
