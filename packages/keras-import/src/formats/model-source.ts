import type { KerasModelJson } from '../wire/types.js';
import type { WeightStore } from './weight-store.js';

/** Which file format a model came from. */
export type KerasFormat = 'keras2-hdf5' | 'keras3-archive' | 'keras3-weights' | 'tfjs-layers';

/** A model read from its files: architecture JSON plus weights, before conversion. */
export interface KerasModelSource {
  readonly format: KerasFormat;
  /** Main file name, for messages. */
  readonly fileName: string;
  /** The architecture as Keras wrote it (`{ class_name, config }`). */
  readonly model: KerasModelJson;
  readonly weights: WeightStore;
  /** Keras version that wrote the file (`2.2.4`, `3.1.1`, `tfjs-layers 0.7.5`), when recorded. */
  readonly kerasVersion?: string;
  /** Keras backend that wrote the file (`tensorflow`, `theano`, ...), when recorded. */
  readonly backend?: string;
}

/** The bytes of a model, as a user has them. */
export interface KerasModelInput {
  /** The model file: Keras 2 `.h5` (full model or weights only), Keras 3 `.keras`, or TensorFlow.js `model.json`. */
  readonly bytes: Uint8Array;
  /** File name for messages (default `model`). */
  readonly fileName?: string;
  /**
   * Architecture JSON (Keras `model.to_json()`, text, bytes or the parsed object) for a
   * weights-only HDF5 file (`model.save_weights('w.h5')`). Overrides a config in the file.
   */
  readonly architecture?: string | Uint8Array | KerasModelJson;
  /** TensorFlow.js weight shards keyed by the paths written in `model.json` (e.g. `./group1-shard1of1.bin`). */
  readonly shards?: Readonly<Record<string, Uint8Array>>;
}
