/**
 * `@snn/nir`: exchange networks with Norse, snnTorch, SpikingJelly, Sinabs, Lava, Nengo and
 * others through NIR, the neuromorphic intermediate representation (`.nir` HDF5 files).
 * Runs in Node and in browsers (h5wasm's in-memory file system).
 *
 * @packageDocumentation
 */

export { exportNir } from './export-nir.js';
export type { ExportNirOptions } from './export-options.js';
export { importNir, type ImportNirOptions, type ImportNirResult } from './import-nir.js';
export { nirErrorCodes, type NirErrorCode } from './error-codes.js';
export { NIR_VERSION, UNCLAMPED_MIN_VOLTAGE } from './nir-version.js';
