import { kerasError } from '../errors.js';
import { readKerasHdf5 } from './keras2-hdf5.js';
import { readKeras3Archive } from './keras3-archive.js';
import type { KerasModelInput, KerasModelSource } from './model-source.js';
import { sniffFileKind } from './sniff.js';
import { readTfjsLayers } from './tfjs-layers.js';

/**
 * Read a Keras or TensorFlow.js model from bytes, recognizing the format from the bytes
 * themselves (HDF5 signature, zip signature, JSON). Runs in Node and in browsers.
 */
export async function readKerasModel(input: KerasModelInput): Promise<KerasModelSource> {
  const fileName = input.fileName ?? 'model';
  const bytes = input.bytes;
  if (!(bytes instanceof Uint8Array)) {
    throw kerasError('KERAS_BAD_OPTION', fileName, `${fileName}: 'bytes' must be a Uint8Array with the file's contents`);
  }
  if (bytes.length === 0) {
    throw kerasError('KERAS_TRUNCATED', fileName, `${fileName}: the file is empty (0 bytes); the download or copy failed — fetch the file again`);
  }
  const kind = sniffFileKind(bytes);
  if (kind === 'hdf5') return readKerasHdf5(bytes, fileName, input.architecture);
  if (kind === 'zip') return readKeras3Archive(bytes, fileName);
  if (kind === 'json') return readTfjsLayers(bytes, fileName, input.shards);
  throw kerasError(
    'KERAS_UNKNOWN_FORMAT',
    fileName,
    `${fileName}: not a model file Keras or TensorFlow.js writes: the bytes are neither HDF5 (.h5), a zip archive (.keras) nor JSON (model.json); first bytes: ${hexPreview(bytes)}`,
  );
}

function hexPreview(bytes: Uint8Array): string {
  return Array.from(bytes.subarray(0, 8), (b) => b.toString(16).padStart(2, '0')).join(' ');
}
