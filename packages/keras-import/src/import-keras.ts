import { inferShapes, type Graph } from '@snn/ir';
import { createNeuronRegistry } from '@snn/neurons';
import { buildGraph } from './convert/convert-model.js';
import type { ImportOptions } from './convert/options.js';
import type { KerasModelInput, KerasModelSource } from './formats/model-source.js';
import { readKerasModel } from './formats/read-model.js';
import { applyConversionOptions } from './passes/apply-options.js';

/** A converted model: the validated IR graph and what the conversion warned about. */
export interface ImportResult {
  /** The IR graph; `graph.metadata` describes inputs, outputs (softmax or not), Keras layers and settings. */
  readonly graph: Graph;
  /** Things the user should know (unused swaps, scaling of types without amplitude, ...). */
  readonly warnings: readonly string[];
}

/**
 * Convert a model already read from its files into a validated IR graph, applying the
 * conversion options. Throws an `SnnError` (and returns nothing partial) on any problem.
 */
export function convertKerasModel(source: KerasModelSource, options: ImportOptions = {}): ImportResult {
  const built = buildGraph(source, options);
  const graph = applyConversionOptions(built.graph, options, options.neuronTypes ?? createNeuronRegistry(), built.warnings);
  inferShapes(graph);
  return { graph, warnings: built.warnings };
}

/**
 * Read a Keras 2 `.h5`, Keras 3 `.keras` or TensorFlow.js `model.json` (+ shards) from
 * bytes and convert it to a validated IR graph. Browser-safe; see
 * `@snn/keras-import/node` for reading from paths.
 */
export async function importKeras(input: KerasModelInput, options: ImportOptions = {}): Promise<ImportResult> {
  return convertKerasModel(await readKerasModel(input), options);
}
