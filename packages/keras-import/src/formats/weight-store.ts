/** One weight array as stored in a model file. */
export interface StoredWeight {
  /** The name the file gives it (`dense_1/kernel:0`, `conv/bias`), or undefined when weights are positional (Keras 3). */
  readonly name?: string;
  readonly shape: readonly number[];
  readonly data: Float32Array;
  /** Where it was found, for messages (`model.h5:model_weights/dense_1/dense_1/kernel:0`). */
  readonly source: string;
}

/**
 * The weights of a model, looked up per layer. `path` is the chain of nested model names
 * followed by the layer name (`['dense_1']`, `['encoder', 'conv2d']`). The arrays come in
 * the order the file stores them.
 */
export interface WeightStore {
  /** File the weights came from, for messages. */
  readonly fileName: string;
  /** The layer's weights, or undefined when the file has no entry at all for the layer. */
  layer(path: readonly string[]): readonly StoredWeight[] | undefined;
}

/**
 * The parts of a stored weight name: `dense_1/kernel:0` → layer `dense_1`, role `kernel`;
 * `model/block/conv/bias` → layer `conv`, role `bias`, scopes `['model', 'block']`.
 * A name without `/` has only a role (e.g. Keras 1 `dense_1_W`).
 */
export function splitWeightName(name: string): { readonly role: string; readonly layer?: string; readonly scopes: string[] } {
  const parts = name.replace(/:\d+$/, '').split('/');
  const role = parts[parts.length - 1];
  return { role, layer: parts.length >= 2 ? parts[parts.length - 2] : undefined, scopes: parts.slice(0, -2) };
}

/**
 * Pick the weights of the innermost layer of `path` out of a list of named weights (the
 * weights of a nested model are stored together under the outer layer, each named
 * `inner_layer/role`). Prefers names whose scopes mention the enclosing models.
 */
export function filterByLayerName(weights: readonly StoredWeight[], path: readonly string[]): StoredWeight[] {
  const layer = path[path.length - 1];
  const hits = weights.filter((w) => w.name !== undefined && splitWeightName(w.name).layer === layer);
  if (path.length < 2) return hits;
  const outer = path.slice(0, -1);
  const scoped = hits.filter((w) => outer.some((o) => splitWeightName(w.name ?? '').scopes.includes(o)));
  return scoped.length > 0 ? scoped : hits;
}

/** A {@link WeightStore} over a list of named weights (TensorFlow.js manifests), grouped by the layer part of each name. */
export function namedWeightStore(fileName: string, weights: readonly StoredWeight[]): WeightStore {
  return {
    fileName,
    layer: (path) => {
      const hits = filterByLayerName(weights, path);
      return hits.length > 0 ? hits : undefined;
    },
  };
}
