/**
 * `@snn/keras-import/node`: file-system helpers for Node. They read a model file (and,
 * for TensorFlow.js, the shard files next to it) and hand the bytes to the browser-safe
 * core in `@snn/keras-import`.
 *
 * @packageDocumentation
 */
import { readFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { kerasError } from './errors.js';
import type { ImportOptions } from './convert/options.js';
import type { KerasModelInput, KerasModelSource } from './formats/model-source.js';
import { readKerasModel } from './formats/read-model.js';
import { parseJson } from './formats/json-text.js';
import { sniffFileKind, utf8 } from './formats/sniff.js';
import { importKeras, type ImportResult } from './import-keras.js';

/** Options of {@link readModelFiles}. */
export interface ModelFileOptions {
  /** Path of the architecture JSON (`model.to_json()`) for a weights-only `.h5` file. */
  readonly architecturePath?: string;
}

/**
 * Read a model file from disk into a {@link KerasModelInput}: the file's bytes, the
 * architecture file if given, and for a TensorFlow.js `model.json` every shard its
 * weights manifest names (paths relative to the JSON file).
 */
export async function readModelFiles(path: string, options: ModelFileOptions = {}): Promise<KerasModelInput> {
  const bytes = await readPath(path, 'model file');
  const fileName = basename(path);
  const architecture = options.architecturePath === undefined ? undefined : await readPath(options.architecturePath, 'architecture file');
  if (sniffFileKind(bytes) !== 'json') return { bytes, fileName, ...(architecture ? { architecture } : {}) };
  const json = parseJson(utf8(bytes), fileName, 'model JSON') as { weightsManifest?: { paths?: unknown }[] };
  const shards: Record<string, Uint8Array> = {};
  for (const group of Array.isArray(json?.weightsManifest) ? json.weightsManifest : []) {
    for (const p of Array.isArray(group?.paths) ? group.paths : []) {
      if (typeof p !== 'string' || p in shards) continue;
      shards[p] = await readPath(resolve(dirname(path), p), `weight shard '${p}' named in ${fileName}`);
    }
  }
  return { bytes, fileName, shards };
}

/** Read a model from disk (see {@link readModelFiles}) without converting it. */
export async function readKerasModelFile(path: string, options: ModelFileOptions = {}): Promise<KerasModelSource> {
  return readKerasModel(await readModelFiles(path, options));
}

/** Read a model from disk and convert it to a validated IR graph (see `importKeras`). */
export async function importKerasFile(path: string, options: ImportOptions & ModelFileOptions = {}): Promise<ImportResult> {
  return importKeras(await readModelFiles(path, options), options);
}

async function readPath(path: string, what: string): Promise<Uint8Array> {
  try {
    const buf = await readFile(path);
    return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  } catch (cause) {
    const code = (cause as { code?: string }).code;
    const reason = code === 'ENOENT' ? 'does not exist' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'is not readable (permission denied)' : `cannot be read (${String(cause)})`;
    throw kerasError(code === 'ENOENT' && what.startsWith('weight shard') ? 'KERAS_MISSING_SHARD' : 'KERAS_BAD_OPTION', path, `${what} ${path} ${reason}; check the path`, cause);
  }
}
