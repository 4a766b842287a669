import type { KerasModelInput } from '../formats/model-source.js';
import type { ImportOptions } from '../convert/options.js';
import { importKeras } from '../import-keras.js';

/** Result of {@link measureImport}. */
export interface ImportBenchResult {
  /** Mean wall-clock seconds to read and convert one model (after warm-up). */
  readonly secondsPerModel: number;
  /** Timed imports. */
  readonly runs: number;
  /** Size of the model bytes (main file plus shards). */
  readonly bytes: number;
}

/**
 * Time `importKeras` on `input` (bytes already in memory, so disk speed is left out):
 * `warmup` untimed imports (the first also starts the HDF5 WebAssembly module), then
 * `runs` timed ones. For the workspace benchmark `import` (target: a 5 MB model in < 1 s).
 */
export async function measureImport(
  input: KerasModelInput,
  options: { readonly runs?: number; readonly warmup?: number; readonly importOptions?: ImportOptions } = {},
): Promise<ImportBenchResult> {
  const runs = options.runs ?? 5;
  for (let i = 0; i < (options.warmup ?? 1); i++) await importKeras(input, options.importOptions);
  const start = performance.now();
  for (let i = 0; i < runs; i++) await importKeras(input, options.importOptions);
  const seconds = (performance.now() - start) / 1000;
  const bytes = input.bytes.length + Object.values(input.shards ?? {}).reduce((s, b) => s + b.length, 0);
  return { secondsPerModel: seconds / runs, runs, bytes };
}
