import { unzipSync } from 'fflate';
import { kerasError } from '../errors.js';
import { withHdf5 } from './hdf5-file.js';
import { asModelJson, parseJson } from './json-text.js';
import { readKeras3Weights } from './keras3-weights.js';
import type { KerasModelSource } from './model-source.js';
import { utf8 } from './sniff.js';

/**
 * Read a Keras 3 `.keras` archive from bytes: a zip holding `config.json` (the model),
 * `metadata.json` (Keras version) and `model.weights.h5` (positional weights).
 */
export async function readKeras3Archive(bytes: Uint8Array, fileName: string): Promise<KerasModelSource> {
  const entries = unzip(bytes, fileName);
  const configBytes = entries['config.json'];
  if (configBytes === undefined) {
    throw kerasError(
      'KERAS_BAD_CONFIG',
      fileName,
      `${fileName}: a zip archive without config.json (entries: ${Object.keys(entries).join(', ') || 'none'}); give a .keras file saved by Keras 3 model.save('m.keras')`,
    );
  }
  const model = asModelJson(parseJson(utf8(configBytes), `${fileName}:config.json`, 'config.json'), `${fileName}:config.json`);
  const metaBytes = entries['metadata.json'];
  const meta = metaBytes ? (parseJson(utf8(metaBytes), `${fileName}:metadata.json`, 'metadata.json') as Record<string, unknown>) : {};
  const weightBytes = entries['model.weights.h5'];
  if (weightBytes === undefined) {
    const other = Object.keys(entries).find((k) => k.startsWith('model.weights'));
    throw kerasError(
      'KERAS_MISSING_WEIGHT',
      fileName,
      other === undefined
        ? `${fileName}: the archive has no model.weights.h5; it holds no weights — save the model again with model.save('m.keras')`
        : `${fileName}: the weights are stored as '${other}', which is not supported; save with the default HDF5 weights format`,
    );
  }
  const weights = await withHdf5(weightBytes, `${fileName}:model.weights.h5`, (file) => readKeras3Weights(file, model));
  const kerasVersion = typeof meta.keras_version === 'string' ? meta.keras_version : model.keras_version;
  return { format: 'keras3-archive', fileName, model, weights, kerasVersion, backend: model.backend };
}

function unzip(bytes: Uint8Array, fileName: string): Record<string, Uint8Array> {
  if (!hasEndOfCentralDirectory(bytes)) {
    throw kerasError(
      'KERAS_TRUNCATED',
      fileName,
      `${fileName}: the zip archive is truncated (${bytes.length} bytes, no end-of-archive record); the download or copy was cut short — fetch the file again`,
    );
  }
  try {
    return unzipSync(bytes);
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    throw kerasError('KERAS_CORRUPT', fileName, `${fileName}: the zip archive cannot be read (${detail}); the file is damaged — save or download it again`, cause);
  }
}

/** Whether the zip end-of-central-directory signature `PK\x05\x06` sits in the last 64 KiB + 22 bytes. */
function hasEndOfCentralDirectory(bytes: Uint8Array): boolean {
  const stop = Math.max(0, bytes.length - 65557);
  for (let i = bytes.length - 22; i >= stop; i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 5 && bytes[i + 3] === 6) return true;
  }
  return false;
}
