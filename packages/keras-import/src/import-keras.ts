import { applyConversion, inferShapes, type FoldedAffine, type Graph } from '@snn/ir';
import { conversionHooks, createNeuronRegistry } from '@snn/neurons';
import { kerasConversionOptions } from './convert/conversion-options.js';
import { buildGraph, type KerasGraphMetadata } from './convert/convert-model.js';
import type { ImportOptions } from './convert/options.js';
import type { KerasModelInput, KerasModelSource } from './formats/model-source.js';
import { readKerasModel } from './formats/read-model.js';

/** A converted model: the validated IR graph and what the conversion warned about. */
export interface ImportResult {
  /** The IR graph; `graph.metadata` describes inputs, outputs (softmax or not), Keras layers and settings. */
  readonly graph: Graph;
  /** Things the user should know (unused swaps, scaling of types without amplitude, ...). */
  readonly warnings: readonly string[];
}

/**
 * Convert a model already read from its files into a validated IR graph, applying the
 * conversion options: the layers are converted to a graph, then the options that are
 * graph passes are translated to `@snn/ir` terms (`kerasConversionOptions`) and applied
 * with `applyConversion`, exactly as they would be to the graph imported without them.
 * Throws an `SnnError` (and returns nothing partial) on any problem.
 */
export function convertKerasModel(source: KerasModelSource, options: ImportOptions = {}): ImportResult {
  const built = buildGraph(source, options);
  const neuronTypes = options.neuronTypes ?? createNeuronRegistry();
  const translated = kerasConversionOptions(built.graph, options, { neuronTypes, appliedSwaps: built.appliedSwaps });
  const converted = applyConversion(built.graph, translated.options, conversionHooks(neuronTypes));
  const graph = withKerasRecords(converted.graph);
  inferShapes(graph);
  return { graph, warnings: [...built.warnings, ...translated.warnings, ...converted.notes] };
}

/**
 * Read a Keras 2 `.h5`, Keras 3 `.keras` or TensorFlow.js `model.json` (+ shards) from
 * bytes and convert it to a validated IR graph. Browser-safe; see
 * `@snn/keras-import/node` for reading from paths.
 */
export async function importKeras(input: KerasModelInput, options: ImportOptions = {}): Promise<ImportResult> {
  return convertKerasModel(await readKerasModel(input), options);
}

/**
 * Keras metadata after the passes: layers list only nodes that still exist, and a batch
 * normalization folded into a dense/conv layer says so in its inference-only reason.
 */
function withKerasRecords(graph: Graph): Graph {
  const meta = graph.metadata as unknown as KerasGraphMetadata;
  const ids = new Set(graph.nodes.map((n) => n.id));
  const layers = Object.fromEntries(Object.entries(meta.layers).map(([name, r]) => [name, { ...r, nodes: r.nodes.filter((id) => ids.has(id)) }]));
  const folded = new Set(((graph.metadata?.foldedBatchNorm ?? []) as FoldedAffine[]).map((f) => f.node));
  const inferenceOnly = meta.inferenceOnly?.map((e) =>
    meta.layers[e.layer]?.className === 'BatchNormalization' && meta.layers[e.layer].nodes.some((id) => folded.has(id)) && e.node !== undefined
      ? { ...e, reason: `folded batch normalization '${e.layer}' into '${e.node}'` }
      : e,
  );
  return { ...graph, metadata: { ...meta, layers, ...(inferenceOnly ? { inferenceOnly } : {}) } as unknown as Record<string, unknown> };
}
