import { kerasError } from '../errors.js';
import type { KerasModelJson } from '../wire/types.js';
import { attrText, attrTextList } from './hdf5-attrs.js';
import { withHdf5, type Hdf5Handle } from './hdf5-file.js';
import { architectureJson, asModelJson, parseJson } from './json-text.js';
import { readKeras3Weights } from './keras3-weights.js';
import type { KerasModelSource } from './model-source.js';
import { filterByLayerName, type StoredWeight, type WeightStore } from './weight-store.js';

/**
 * Read a Keras HDF5 file from bytes: a Keras 2 full model (`model_config` attribute plus
 * a `model_weights` group), a Keras 2 weights-only file (`layer_names` on the root, with
 * `architecture` giving the JSON), or a Keras 3 `.weights.h5` (`layers/<name>/vars/<i>`,
 * again with `architecture`).
 */
export async function readKerasHdf5(
  bytes: Uint8Array,
  fileName: string,
  architecture?: string | Uint8Array | KerasModelJson,
): Promise<KerasModelSource> {
  return withHdf5(bytes, fileName, (file) => {
    const configText = attrText(file, '', 'model_config');
    const given = architecture === undefined ? undefined : architectureJson(architecture, `${fileName} (architecture)`);
    const model = given ?? (configText === undefined ? undefined : asModelJson(parseJson(configText, `${fileName}:model_config`, 'model_config attribute'), `${fileName}:model_config`));
    const weightRoot = file.has('model_weights') && file.isGroup('model_weights') ? 'model_weights' : '';
    const isKeras2 = attrTextList(file, weightRoot, 'layer_names') !== undefined;
    const isKeras3 = !isKeras2 && file.has('layers') && file.isGroup('layers');
    if (!isKeras2 && !isKeras3) {
      throw kerasError(
        'KERAS_CORRUPT',
        fileName,
        `${fileName}: an HDF5 file, but not one Keras wrote: it has no 'model_weights' group, no 'layer_names' attribute and no 'layers' group (top-level entries: ${file.keys('').join(', ') || 'none'}); give a file saved by model.save() or model.save_weights()`,
      );
    }
    if (model === undefined) {
      throw kerasError(
        'KERAS_MISSING_CONFIG',
        fileName,
        `${fileName}: holds only weights (no 'model_config' attribute); pass the architecture too — the JSON from model.to_json() (CLI: --architecture arch.json)`,
      );
    }
    const kerasVersion = attrText(file, '', 'keras_version') ?? attrText(file, weightRoot, 'keras_version') ?? model.keras_version;
    const backend = attrText(file, '', 'backend') ?? attrText(file, weightRoot, 'backend') ?? model.backend;
    if (isKeras3) return { format: 'keras3-weights', fileName, model, weights: readKeras3Weights(file, model), kerasVersion, backend };
    return { format: 'keras2-hdf5', fileName, model, weights: readKeras2Weights(file, weightRoot), kerasVersion, backend };
  });
}

/** Keras 2 layout: `<root>/<layer>` groups listed in `layer_names`, each with `weight_names` datasets. */
function readKeras2Weights(file: Hdf5Handle, root: string): WeightStore {
  const byLayer = new Map<string, StoredWeight[]>();
  const prefix = root === '' ? '' : `${root}/`;
  for (const layer of attrTextList(file, root, 'layer_names') ?? []) {
    const group = `${prefix}${layer}`;
    if (!file.has(group)) {
      throw kerasError(
        'KERAS_MISSING_WEIGHT',
        `${file.fileName}:${layer}`,
        `${file.fileName}: layer_names lists layer '${layer}' but the file has no group '${group}'; the file is damaged — save the model again`,
      );
    }
    const names = attrTextList(file, group, 'weight_names') ?? [];
    byLayer.set(
      layer,
      names.map((name) => {
        const path = datasetPath(file, group, name);
        if (path === undefined) {
          throw kerasError(
            'KERAS_MISSING_WEIGHT',
            `${file.fileName}:${layer}`,
            `${file.fileName}: layer '${layer}' lists weight '${name}' but there is no dataset '${group}/${name}'; the file is damaged — save the model again`,
          );
        }
        const { shape, data } = file.dataset(path);
        return { name, shape, data, source: `${file.fileName}:${path}` };
      }),
    );
  }
  return {
    fileName: file.fileName,
    layer: (path) => {
      const top = byLayer.get(path[0]);
      if (top === undefined || path.length === 1) return top;
      const inner = filterByLayerName(top, path.slice(1));
      return inner.length > 0 ? inner : undefined;
    },
  };
}

/** The dataset for weight `name` in `group`, trying the name with and without a `:0` suffix. */
function datasetPath(file: Hdf5Handle, group: string, name: string): string | undefined {
  const candidates = [name, name.replace(/:\d+$/, ''), `${name}:0`];
  for (const c of candidates) if (file.has(`${group}/${c}`)) return `${group}/${c}`;
  return undefined;
}
