import { kerasError, show } from '../errors.js';
import type { TfjsModelJson, TfjsWeightGroupJson, TfjsWeightSpecJson } from '../wire/types.js';
import { float16BytesToFloat32 } from './float-data.js';
import { asModelJson, parseJson } from './json-text.js';
import type { KerasModelSource } from './model-source.js';
import { utf8 } from './sniff.js';
import { namedWeightStore, type StoredWeight } from './weight-store.js';

/**
 * Read a TensorFlow.js layers model from bytes: `model.json` (topology plus a weights
 * manifest) and the binary shards it names. Weights are matched to layers by name, so
 * the manifest may list them in any order.
 */
export function readTfjsLayers(bytes: Uint8Array, fileName: string, shards: Readonly<Record<string, Uint8Array>> = {}): KerasModelSource {
  const json = parseJson(utf8(bytes), fileName, 'model JSON') as Partial<TfjsModelJson> & Record<string, unknown>;
  if (typeof json !== 'object' || json === null || json.modelTopology === undefined) {
    throw kerasError(
      'KERAS_BAD_CONFIG',
      fileName,
      `${fileName}: JSON without 'modelTopology'; give a TensorFlow.js layers model.json (for a Keras architecture JSON, pass it as the architecture of a weights .h5 file)`,
    );
  }
  const model = asModelJson(json.modelTopology, `${fileName}:modelTopology`);
  const topology = json.modelTopology as unknown as Record<string, unknown>;
  const manifest = json.weightsManifest ?? [];
  if (!Array.isArray(manifest)) {
    throw kerasError('KERAS_BAD_CONFIG', fileName, `${fileName}: 'weightsManifest' must be a list of { paths, weights } groups`);
  }
  const weights: StoredWeight[] = [];
  for (const group of manifest) weights.push(...readGroup(group, fileName, shards));
  const kerasVersion = typeof topology.keras_version === 'string' ? topology.keras_version : model.keras_version;
  const backend = typeof topology.backend === 'string' ? topology.backend : model.backend;
  return { format: 'tfjs-layers', fileName, model, weights: namedWeightStore(fileName, weights), kerasVersion, backend };
}

/** Look a shard up by the manifest path, then without `./`, then by base name. */
function findShard(shards: Readonly<Record<string, Uint8Array>>, path: string): Uint8Array | undefined {
  if (shards[path]) return shards[path];
  const plain = path.replace(/^\.\//, '');
  if (shards[plain]) return shards[plain];
  const base = plain.split('/').pop() ?? plain;
  for (const [key, value] of Object.entries(shards)) if ((key.split('/').pop() ?? key) === base) return value;
  return undefined;
}

function readGroup(group: TfjsWeightGroupJson, fileName: string, shards: Readonly<Record<string, Uint8Array>>): StoredWeight[] {
  const badSpec = (w: unknown): boolean => {
    const spec = w as Partial<TfjsWeightSpecJson> | null;
    return typeof spec?.name !== 'string' || !Array.isArray(spec.shape) || !spec.shape.every((d) => Number.isInteger(d) && d >= 0);
  };
  if (typeof group !== 'object' || group === null || !Array.isArray(group.paths) || !group.paths.every((p: unknown) => typeof p === 'string') || !Array.isArray(group.weights) || group.weights.some(badSpec)) {
    throw kerasError(
      'KERAS_BAD_CONFIG',
      fileName,
      `${fileName}: a weightsManifest entry must be { paths: [shard files], weights: [{ name, shape, dtype }] }; got ${show(group)}`,
    );
  }
  const parts = group.paths.map((p: string) => {
    const shard = findShard(shards, p);
    if (shard === undefined) {
      throw kerasError(
        'KERAS_MISSING_SHARD',
        `${fileName}:${p}`,
        `${fileName}: the weights manifest names shard '${p}', which was not given; put it next to model.json (or pass its bytes under that name)`,
      );
    }
    return shard;
  });
  const total = parts.reduce((s, p) => s + p.length, 0);
  const buffer = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    buffer.set(p, at);
    at += p.length;
  }
  let offset = 0;
  return group.weights.map((spec: TfjsWeightSpecJson) => {
    const count = spec.shape.reduce((a, b) => a * b, 1);
    const bytesPer = elementBytes(spec, fileName);
    const size = count * bytesPer;
    if (offset + size > buffer.length) {
      throw kerasError(
        'KERAS_MISSING_SHARD',
        `${fileName}:${spec.name}`,
        `${fileName}: weight '${spec.name}' ${JSON.stringify(spec.shape)} needs bytes ${offset}..${offset + size} of shards ${group.paths.join(', ')}, which hold only ${buffer.length}; a shard is truncated — fetch it again`,
      );
    }
    const data = decode(buffer.slice(offset, offset + size), spec, count);
    offset += size;
    return { name: spec.name, shape: [...spec.shape], data, source: `${fileName}:${spec.name}` };
  });
}

function elementBytes(spec: TfjsWeightSpecJson, fileName: string): number {
  const q = spec.quantization?.dtype;
  if (q === 'uint8') return 1;
  if (q === 'uint16' || q === 'float16') return 2;
  if (q !== undefined) throw unsupported(spec, `quantization '${q}'`, fileName);
  if (spec.dtype === 'float32' || spec.dtype === 'int32') return 4;
  if (spec.dtype === 'float16') return 2;
  if (spec.dtype === 'bool') return 1;
  throw unsupported(spec, `dtype '${spec.dtype}'`, fileName);
}

function decode(bytes: Uint8Array, spec: TfjsWeightSpecJson, count: number): Float32Array {
  const q = spec.quantization;
  if (q?.dtype === 'uint8' || q?.dtype === 'uint16') {
    const raw = q.dtype === 'uint8' ? bytes : new Uint16Array(bytes.buffer, bytes.byteOffset, count);
    const scale = q.scale ?? 1;
    const min = q.min ?? 0;
    return Float32Array.from(raw, (v) => v * scale + min);
  }
  if (q?.dtype === 'float16' || spec.dtype === 'float16') return float16BytesToFloat32(bytes);
  if (spec.dtype === 'int32') return Float32Array.from(new Int32Array(bytes.buffer, bytes.byteOffset, count));
  if (spec.dtype === 'bool') return Float32Array.from(bytes);
  return new Float32Array(bytes.buffer, bytes.byteOffset, count);
}

function unsupported(spec: TfjsWeightSpecJson, what: string, fileName: string): Error {
  return kerasError(
    'KERAS_UNSUPPORTED_OPTION',
    `${fileName}:${spec.name}`,
    `${fileName}: weight '${spec.name}' is stored with ${what}, which is not supported (supported: float32, int32, float16, bool; uint8/uint16/float16 quantization)`,
  );
}
