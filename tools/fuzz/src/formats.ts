import { applyConversion, createRng, decodeSnn, encodeSnn, irErrorCodes, type Graph, type Rng } from '@snn/ir';
import { importKeras, kerasErrorCodes } from '@snn/keras-import';
import { conversionHooks, createNeuronRegistry } from '@snn/neurons';
import { exportNir, importNir, nirErrorCodes } from '@snn/nir';
import { unzipSync, zipSync } from 'fflate';
import h5wasm from 'h5wasm';
import { flipBytes, nonFiniteIn, truncate } from './byte-mutators.js';
import { fixtureBytes } from './fixtures.js';
import { damageHdf5 } from './hdf5-mutators.js';
import { hdf5Layout, type Hdf5Region } from './hdf5-layout.js';
import { mutateJson } from './json-mutators.js';
import { choose, pick, type Mutated } from './mutation.js';
import { damageZip } from './zip-mutators.js';

/** One fuzz case: what was damaged, whether the damage may be invisible, and the load to try. */
export interface FuzzCase {
  readonly mutation: string;
  readonly mayLoad: boolean;
  /** The file name the reader is given (its errors must name it). */
  readonly fileName: string;
  /** The damaged main file (to reproduce a case by hand). */
  readonly bytes: Uint8Array;
  readonly load: () => Promise<unknown>;
  /** Load the undamaged file the case was made from (it must load, also right after a case that made the HDF5 library trap). */
  readonly loadOriginal: () => Promise<unknown>;
}

/** A file format under fuzz: the error codes its readers may raise, and a case maker. */
export interface FuzzFormat {
  readonly name: FormatName;
  /** What the base files are, for the report. */
  readonly describe: string;
  readonly errorCodes: readonly string[];
  /** Read the base files once; returns the case maker. */
  prepare(): Promise<(rng: Rng) => Promise<FuzzCase | undefined>>;
}

/** The formats fuzzed. */
export const FORMAT_NAMES = ['keras-h5', 'keras-zip', 'tfjs', 'snn', 'nir'] as const;
/** One of {@link FORMAT_NAMES}. */
export type FormatName = (typeof FORMAT_NAMES)[number];

const H5_FIXTURES = ['deepconcolic_tecs_mlp1_k224.h5', 'snn_lenet_avgpool_bias.h5', 'snn_lenet5_channels_first_k224.h5', 'deepconcolic_small_k240.h5'];
const KERAS_CODES = [...Object.keys(kerasErrorCodes), ...Object.keys(irErrorCodes)];
const swapToSpiking = { swapNeurons: { byType: { RectifiedLinear: 'IntegrateAndFire' } } };

/**
 * Bytes of the `.h5` file with its `model_config` attribute replaced by `text` (through h5wasm
 * itself: `@snn/hdf5` does not rewrite files in place; after a case that trapped the library, the
 * child loads the undamaged file first, which gives h5wasm a new instance).
 */
async function withModelConfig(bytes: Uint8Array, text: string): Promise<Uint8Array> {
  const module = await h5wasm.ready;
  const path = `/fuzz-rewrite.h5`;
  module.FS.writeFile(path, bytes);
  try {
    const file = new h5wasm.File(path, 'a');
    try {
      file.delete_attribute('model_config');
      file.create_attribute('model_config', text);
    } finally {
      file.close();
    }
    return module.FS.readFile(path);
  } finally {
    module.FS.unlink(path);
  }
}

function modelConfigText(bytes: Uint8Array): Promise<string> {
  return (async () => {
    const module = await h5wasm.ready;
    module.FS.writeFile('/fuzz-config.h5', bytes);
    try {
      const file = new h5wasm.File('/fuzz-config.h5', 'r');
      try {
        return String(file.attrs['model_config'].value);
      } finally {
        file.close();
      }
    } finally {
      module.FS.unlink('/fuzz-config.h5');
    }
  })();
}

const kerasH5: FuzzFormat = {
  name: 'keras-h5',
  describe: `Keras 2 .h5 fixtures (${H5_FIXTURES.join(', ')})`,
  errorCodes: KERAS_CODES,
  async prepare() {
    const bases = await Promise.all(
      H5_FIXTURES.map(async (file) => {
        const bytes = fixtureBytes(file);
        return { file, bytes, regions: hdf5Layout(bytes), config: await modelConfigText(bytes) };
      }),
    );
    return async (rng) => {
      const base = pick(rng, bases);
      const m = await choose<Mutated>(rng, [
        [0.1, () => truncate(base.bytes, rng)],
        [0.1, () => flipBytes(base.bytes, rng)],
        [0.5, () => damageHdf5(base.bytes, base.regions, rng, (p) => p.startsWith('/model_weights/'))],
        [
          0.3,
          async () => {
            const j = mutateJson(base.config, rng);
            return j && { mutation: `model_config ${j.mutation}`, mayLoad: j.mayLoad, bytes: await withModelConfig(base.bytes, j.text) };
          },
        ],
      ]);
      return m && kerasCase(m, { bytes: base.bytes, fileName: base.file });
    };
  },
};

/** A Keras model file as `importKeras` takes it. */
interface KerasFile {
  readonly bytes: Uint8Array;
  readonly fileName: string;
  readonly shards?: Record<string, Uint8Array>;
}

/** The case of `m` (damaged bytes of the main file) for `original`, whose shards it keeps unless given others. */
function kerasCase(m: Mutated, original: KerasFile, shards = original.shards): FuzzCase {
  const { fileName } = original;
  return { mutation: m.mutation, mayLoad: m.mayLoad, fileName, bytes: m.bytes, load: () => importKeras({ bytes: m.bytes, fileName, shards }), loadOriginal: () => importKeras(original) };
}

const kerasZip: FuzzFormat = {
  name: 'keras-zip',
  describe: 'Keras 3 .keras fixture (moonflower_cnn_k311.keras)',
  errorCodes: KERAS_CODES,
  async prepare() {
    const file = 'moonflower_cnn_k311.keras';
    const bytes = fixtureBytes(file);
    const entries = unzipSync(bytes);
    const weights = entries['model.weights.h5'];
    const regions = hdf5Layout(weights);
    const config = new TextDecoder().decode(entries['config.json']);
    const rezip = (changed: Record<string, Uint8Array>): Uint8Array => zipSync({ ...entries, ...changed }, { level: 0 });
    return async (rng) => {
      const m = await choose<Mutated>(rng, [
        [0.1, () => truncate(bytes, rng)],
        [0.1, () => flipBytes(bytes, rng)],
        [0.35, () => damageZip(bytes, rng)],
        [
          0.25,
          () => {
            const j = mutateJson(config, rng);
            return j && { mutation: `config.json ${j.mutation}`, mayLoad: j.mayLoad, bytes: rezip({ 'config.json': new TextEncoder().encode(j.text) }) };
          },
        ],
        [
          0.2,
          () => {
            // Keras 3 weights of the layers (the optimizer's variables are not read)
            const h = damageHdf5(weights, regions, rng, (p) => p.startsWith('/layers/'));
            return h && { mutation: `model.weights.h5 ${h.mutation}`, mayLoad: h.mayLoad, bytes: rezip({ 'model.weights.h5': h.bytes }) };
          },
        ],
      ]);
      return m && kerasCase(m, { bytes, fileName: file });
    };
  },
};

const tfjs: FuzzFormat = {
  name: 'tfjs',
  describe: 'TensorFlow.js model.json + shard fixture (tensorspace_lenet_tfjs075)',
  errorCodes: KERAS_CODES,
  async prepare() {
    const file = 'tensorspace_lenet_tfjs075/mnist.json';
    const json = fixtureBytes(file);
    const shard = fixtureBytes('tensorspace_lenet_tfjs075/mnist.weights.bin');
    const key = './mnist.weights.bin';
    const text = new TextDecoder().decode(json);
    const original: KerasFile = { bytes: json, fileName: file, shards: { [key]: shard } };
    return async (rng) => {
      const onJson = (m: Mutated | undefined): FuzzCase | undefined => m && kerasCase(m, original);
      const onShard = (m: Mutated): FuzzCase => kerasCase({ ...m, mutation: `shard ${m.mutation}`, bytes: json }, original, { [key]: m.bytes });
      return choose<FuzzCase>(rng, [
        [0.1, () => onJson(truncate(json, rng))],
        [0.1, () => onJson(flipBytes(json, rng))],
        [0.15, () => onShard(truncate(shard, rng))],
        [0.1, () => onShard(flipBytes(shard, rng))],
        [0.1, () => onShard({ mutation: 'non-finite weight', mayLoad: false, bytes: nonFiniteIn(shard, rng, 0, shard.length, 1 + rng.int(3)) })],
        [
          0.45,
          () => {
            const j = mutateJson(text, rng);
            return onJson(j && { mutation: `model.json ${j.mutation}`, mayLoad: j.mayLoad, bytes: new TextEncoder().encode(j.text) });
          },
        ],
      ]);
    };
  },
};

/** The converted networks the project's own files hold: the Keras MLP fixture, rate-based and spiking. */
async function convertedNetworks(): Promise<{ rate: Graph; spiking: Graph }> {
  const file = 'deepconcolic_tecs_mlp1_k224.h5';
  const { graph } = await importKeras({ bytes: fixtureBytes(file), fileName: file });
  return { rate: graph, spiking: applyConversion(graph, swapToSpiking, conversionHooks(createNeuronRegistry())).graph };
}

const snn: FuzzFormat = {
  name: 'snn',
  describe: '.snn files (encodeSnn of deepconcolic_tecs_mlp1_k224.h5 converted, rate and spiking)',
  errorCodes: Object.keys(irErrorCodes),
  async prepare() {
    const { rate, spiking } = await convertedNetworks();
    const bases = [rate, spiking].map((g) => encodeSnn(g));
    const fileName = 'fuzz.snn';
    return async (rng) => {
      const bytes = pick(rng, bases);
      const loadOriginal = async (): Promise<unknown> => decodeSnn(bytes, { source: fileName });
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      const jsonLength = view.getUint32(4, true);
      // container version 2 ('SNN2') adds a CRC-32 after the length: a 12-byte header
      const header = bytes[3] === 0x32 ? 12 : 8;
      const blobStart = Math.ceil((header + jsonLength) / 16) * 16;
      const m = await choose<Mutated>(rng, [
        [0.15, () => truncate(bytes, rng)],
        [0.15, () => flipBytes(bytes, rng)],
        [
          0.1,
          () => {
            const length = pick(rng, [0, 0xffffffff, jsonLength - 1 - rng.int(64), jsonLength + 1 + rng.int(64), rng.int(bytes.length)]) >>> 0;
            if (length === jsonLength) return undefined;
            const copy = bytes.slice();
            new DataView(copy.buffer).setUint32(4, length, true);
            return { mutation: `header length ${length}`, bytes: copy, mayLoad: false };
          },
        ],
        [0.15, () => ({ mutation: 'non-finite parameter', bytes: nonFiniteIn(bytes, rng, blobStart, bytes.length, 1 + rng.int(3)), mayLoad: false })],
        [
          0.45,
          () => {
            const j = mutateJson(new TextDecoder().decode(bytes.subarray(header, header + jsonLength)), rng);
            return j && { mutation: `header ${j.mutation}`, mayLoad: j.mayLoad, bytes: snnFile(new TextEncoder().encode(j.text), bytes.subarray(blobStart)) };
          },
        ],
      ]);
      return m && { mutation: m.mutation, mayLoad: m.mayLoad, fileName, bytes: m.bytes, load: async () => decodeSnn(m.bytes, { source: fileName }), loadOriginal };
    };
  },
};

/** A version-1 `.snn` container (no checksum, which decodeSnn still reads) around `json` and `blob`: config damage then reaches the parser. */
function snnFile(json: Uint8Array, blob: Uint8Array): Uint8Array {
  const blobStart = Math.ceil((8 + json.length) / 16) * 16;
  const out = new Uint8Array(blobStart + blob.length);
  out.set([0x53, 0x4e, 0x4e, 0x31], 0);
  new DataView(out.buffer).setUint32(4, json.length, true);
  out.set(json, 8);
  out.set(blob, blobStart);
  return out;
}

const nir: FuzzFormat = {
  name: 'nir',
  describe: '.nir file (exportNir of deepconcolic_tecs_mlp1_k224.h5 converted to IF neurons)',
  errorCodes: [...Object.keys(nirErrorCodes), ...Object.keys(irErrorCodes)],
  async prepare() {
    const bytes = await exportNir((await convertedNetworks()).spiking);
    const regions: Hdf5Region[] = hdf5Layout(bytes);
    const fileName = 'fuzz.nir';
    return async (rng) => {
      const m = await choose<Mutated>(rng, [
        [0.1, () => truncate(bytes, rng)],
        [0.1, () => flipBytes(bytes, rng)],
        [0.8, () => damageHdf5(bytes, regions, rng, () => true)],
      ]);
      return m && { mutation: m.mutation, mayLoad: m.mayLoad, fileName, bytes: m.bytes, load: () => importNir(m.bytes, { fileName }), loadOriginal: () => importNir(bytes, { fileName }) };
    };
  },
};

/** Every fuzzed format by name. */
export const FORMATS: Readonly<Record<FormatName, FuzzFormat>> = { 'keras-h5': kerasH5, 'keras-zip': kerasZip, tfjs, snn, nir };

/** The generator of case `index` of a run seeded with `seed` (each case independent, so a run can resume after a crash). */
export function caseRng(seed: number, index: number): Rng {
  return createRng((seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0);
}
