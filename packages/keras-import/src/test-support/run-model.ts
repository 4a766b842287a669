// Test-only: import a model and run one example through the float64 reference pass.
import type { Graph } from '@snn/ir';
import type { KerasGraphMetadata } from '../convert/convert-model.js';
import type { ImportOptions } from '../convert/options.js';
import type { KerasModelInput } from '../formats/model-source.js';
import { importKeras } from '../import-keras.js';
import { compileReference } from '../testing/reference-forward.js';

/** Import `input` and evaluate its last output on `x` (IR order, channels-last). */
export async function runModel(input: KerasModelInput, x: ArrayLike<number>, options: ImportOptions = {}): Promise<{ graph: Graph; out: number[]; warnings: readonly string[]; meta: KerasGraphMetadata }> {
  const { graph, warnings } = await importKeras(input, options);
  const meta = graph.metadata as unknown as KerasGraphMetadata;
  const model = compileReference(graph);
  const id = meta.outputs[meta.outputs.length - 1].node;
  const out = Array.from(model.run({ [model.inputs[0].id]: x })[id]);
  return { graph, out, warnings, meta };
}

/** Largest |a - b| / max(|b|, 1). */
export function maxRelDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Infinity;
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]) / Math.max(Math.abs(b[i]), 1));
  return m;
}
