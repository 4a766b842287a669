import { configOf, nameOf } from '../wire/config-values.js';
import { isModelLayer } from '../wire/flatten-model.js';
import type { KerasLayerJson, KerasModelJson } from '../wire/types.js';
import type { Hdf5Handle } from './hdf5-file.js';
import type { StoredWeight, WeightStore } from './weight-store.js';

/** Attribute names Keras uses for lists of child layers in the weights file (not layer names). */
const CONTAINER_ATTRS = new Set(['layers', '_layers', '_layer_checkpoint_dependencies', '_self_tracked_trackables']);

/**
 * Weights of a Keras 3 `model.weights.h5`: one group per layer, `layers/<key>/vars/<i>`
 * (nested models one level deeper: `layers/<model key>/layers/<key>/vars/<i>`), with
 * positional names `0, 1, ...` in the order of `layer.weights`. Keras 3 does not key
 * layers by their names but by their snake-cased class name with a counter per container
 * (`dense`, `dense_1`, ...; `saving_lib._save_container_state`), so `model` is needed to
 * map layer names to keys. The optimizer state is skipped.
 */
export function readKeras3Weights(file: Hdf5Handle, model?: KerasModelJson): WeightStore {
  const byKey = new Map<string, StoredWeight[]>();
  const walk = (path: string, parts: string[]): void => {
    for (const key of file.keys(path)) {
      const child = path === '' ? key : `${path}/${key}`;
      if (path === '' && (key === 'optimizer' || key === 'vars')) continue;
      if (!file.isGroup(child)) continue;
      if (key === 'vars') {
        const names = file.keys(child).filter((k) => /^\d+$/.test(k)).sort((a, b) => Number(a) - Number(b));
        if (names.length > 0) {
          byKey.set(
            parts.join('/'),
            names.map((n) => {
              const { shape, data } = file.dataset(`${child}/${n}`);
              return { shape, data, source: `${file.fileName}:${child}/${n}` };
            }),
          );
        }
        continue;
      }
      walk(child, CONTAINER_ATTRS.has(key) ? parts : [...parts, key]);
    }
  };
  walk('', []);
  return keras3Store(file.fileName, byKey, model ? keras3Keys(model) : new Map());
}

/** Python's `naming.to_snake_case`: `MaxPooling2D` → `max_pooling2d`, `ReLU` → `re_lu`. */
export function toSnakeCase(name: string): string {
  const plain = name.replace(/\W+/g, '');
  return plain
    .replace(/(.)([A-Z][a-z]+)/g, '$1_$2')
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .toLowerCase();
}

/**
 * Map each layer's name path (`encoder/conv`) to the key Keras 3 stores its weights under
 * (`functional/conv2d_1`): per container, the snake-cased class name, `_1`, `_2`, ... for
 * repeats, in the order of `model.layers` (a Sequential model leaves its InputLayer out).
 */
export function keras3Keys(model: KerasModelJson): Map<string, string> {
  const out = new Map<string, string>();
  const visit = (container: { class_name: string; config: unknown }, names: string[], keys: string[]): void => {
    const cfg = container.config as { layers?: unknown } | unknown[];
    const all = (Array.isArray(cfg) ? cfg : Array.isArray((cfg as { layers?: unknown })?.layers) ? (cfg as { layers: unknown[] }).layers : []) as KerasLayerJson[];
    const sequential = container.class_name === 'Sequential' || Array.isArray(cfg);
    const used = new Map<string, number>();
    for (const layer of sequential ? all.filter((l) => l?.class_name !== 'InputLayer') : all) {
      // a damaged entry (no class name) is reported by the conversion, which names the layer
      if (typeof layer?.class_name !== 'string') continue;
      const base = toSnakeCase(layer.class_name);
      const seen = used.get(base);
      used.set(base, seen === undefined ? 0 : seen + 1);
      const key = seen === undefined ? base : `${base}_${seen + 1}`;
      const name = nameOf(layer) ?? configOf(layer).name;
      out.set([...names, name].join('/'), [...keys, key].join('/'));
      if (isModelLayer(layer)) visit(layer, [...names, name], [...keys, key]);
    }
  };
  visit(model, [], []);
  return out;
}

/** A store over Keras 3 per-layer weight lists keyed by class-based paths (`sequential/dense_1`). */
export function keras3Store(fileName: string, byKey: ReadonlyMap<string, readonly StoredWeight[]>, keys: ReadonlyMap<string, string>): WeightStore {
  return {
    fileName,
    layer: (path) => {
      const byClass = keys.get(path.join('/'));
      if (byClass !== undefined && byKey.has(byClass)) return byKey.get(byClass);
      // Files keyed by layer name (other writers): the name path, or the innermost name when unique.
      const exact = byKey.get(path.join('/'));
      if (exact) return exact;
      const name = path[path.length - 1];
      const hits = [...byKey.keys()].filter((k) => k === name || k.endsWith(`/${name}`));
      return hits.length === 1 ? byKey.get(hits[0]) : undefined;
    },
  };
}
