import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { applyConversion, decodeSnn, SnnError, type Graph } from '@snn/ir';
import { conversionHooks } from '@snn/neurons';
import { cliNeuronRegistry } from './registries.js';
import { hasConversionFlags, importOptions, type ConversionFlags } from './conversion-flags.js';
import type { CliIo } from './io.js';
import { UsageError } from './usage-error.js';

/** A network ready to simulate, from a Keras model (converted now), an `.snn` or a `.nir` file. */
export interface LoadedModel {
  readonly graph: Graph;
  /** What the conversion warned about. */
  readonly warnings: readonly string[];
  /** `snn` or `nir` for a network file, else the Keras format the file was read as. */
  readonly format: string;
}

const SNN_MAGIC = /^SNN[0-9]$/;

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
    return n === 4 && SNN_MAGIC.test(head.toString('latin1'));
  } finally {
    closeSync(fd);
  }
}

/** True when `path` names a NIR graph (`.nir`, an HDF5 file like Keras .h5, so known by its name). */
export function isNirFile(path: string): boolean {
  return path.toLowerCase().endsWith('.nir');
}

/** True when `path` is a network file (`.snn` or `.nir`) rather than a Keras model. */
export function isNetworkFile(path: string): boolean {
  return isNirFile(path) || isSnnFile(path);
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
  const isNir = isNirFile(path);
  if (isNetworkFile(path)) {
    const format = isNir ? 'nir' : 'snn';
    if (flags.architecture !== undefined) {
      throw new UsageError(`--architecture applies to weights-only Keras .h5 files, but ${path} is an .${format} network (it holds its architecture); drop --architecture`);
    }
    const buffer = readFileSync(path);
    const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    const loaded = isNir ? await importNirFile(bytes, path) : { graph: decodeSnn(bytes, { source: path }), warnings: [] };
    const graph = loaded.graph;
    if (!hasConversionFlags(flags)) return { graph, warnings: loaded.warnings, format };
    const { kerasConversionOptions } = await import('@snn/keras-import'); // on use: keeps --help instant
    const neuronTypes = cliNeuronRegistry();
    const translated = kerasConversionOptions(graph, options, { neuronTypes });
    const converted = applyConversion(graph, translated.options, conversionHooks(neuronTypes));
    return { graph: converted.graph, warnings: [...loaded.warnings, ...translated.warnings, ...converted.notes], format };
  }
  if (flags.architecture !== undefined) checkFile(flags.architecture, 'architecture file');
  const { importKerasFile } = await import('@snn/keras-import/node'); // on use: keeps --help instant
  const { graph, warnings } = await importKerasFile(path, { ...options, ...(flags.architecture !== undefined ? { architecturePath: flags.architecture } : {}) });
  const source = (graph.metadata as { source?: { format?: string } } | undefined)?.source;
  return { graph, warnings, format: source?.format ?? 'keras' };
}

async function importNirFile(bytes: Uint8Array, path: string): Promise<{ graph: Graph; warnings: readonly string[] }> {
  const { importNir } = await import('@snn/nir'); // on use: keeps --help instant
  return importNir(bytes, { fileName: path });
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
