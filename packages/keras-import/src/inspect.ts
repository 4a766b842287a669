import { inferShapes, isSnnError, type Shape } from '@snn/ir';
import type { KerasGraphMetadata } from './convert/convert-model.js';
import { createLayerConverterRegistry } from './convert/builtins.js';
import type { ImportOptions } from './convert/options.js';
import type { KerasModelSource } from './formats/model-source.js';
import { convertKerasModel } from './import-keras.js';
import { flattenModel } from './wire/flatten-model.js';

/** One Keras layer as `snn inspect` shows it. */
export interface LayerReport {
  /** Layer id (nested models as `outer/inner`, repeated calls as `name#1`). */
  readonly name: string;
  readonly className: string;
  /** Number of weight values the file stores for the layer. */
  readonly params: number;
  /** IR output shape (channels-last), when the whole model converted. */
  readonly outputShape?: Shape;
  /** Whether a converter is registered for the class and the layer did not cause the conversion error. */
  readonly converts: boolean;
  /** Why it does not convert (the error message), if known. */
  readonly problem?: string;
}

/** What {@link inspectKerasModel} finds. */
export interface ModelReport {
  readonly layers: readonly LayerReport[];
  /** Total stored weight values. */
  readonly params: number;
  /** The conversion error, if the model does not convert. */
  readonly error?: { readonly code: string; readonly message: string; readonly where?: string };
}

/**
 * Describe a model for people: its layers in execution order with class, parameter
 * count, IR output shape, and whether each converts (trying the full conversion with
 * `options` and attributing its error, if any, to the layer it names).
 */
export function inspectKerasModel(source: KerasModelSource, options: ImportOptions = {}): ModelReport {
  const flat = flattenModel(source.model, source.fileName);
  const registry = options.converters ?? createLayerConverterRegistry();
  let error: ModelReport['error'];
  let shapes: Map<string, Shape> | undefined;
  let meta: KerasGraphMetadata | undefined;
  try {
    const { graph } = convertKerasModel(source, options);
    shapes = inferShapes(graph);
    meta = graph.metadata as unknown as KerasGraphMetadata;
  } catch (e) {
    if (!isSnnError(e)) throw e;
    error = { code: e.code, message: e.message, ...(e.where !== undefined ? { where: e.where } : {}) };
  }
  const layers = flat.calls.map((call): LayerReport => {
    const params = (source.weights.layer(call.weightPath) ?? []).reduce((s, w) => s + w.data.length, 0);
    const nodes = meta?.layers[call.name]?.nodes ?? [];
    const last = nodes.filter((id) => id === call.id || id.startsWith(`${call.id}/`)).pop();
    const registered = registry.has(call.className);
    const blamed = error !== undefined && error.where !== undefined && (error.where === call.name || error.where.startsWith(`${call.name}.`));
    return {
      name: call.id,
      className: call.className,
      params,
      ...(last && shapes?.get(last) ? { outputShape: shapes.get(last) } : {}),
      converts: registered && !blamed,
      ...(!registered ? { problem: `no converter for Keras class '${call.className}'` } : blamed ? { problem: error?.message } : {}),
    };
  });
  return { layers, params: layers.reduce((s, l) => s + l.params, 0), ...(error ? { error } : {}) };
}
