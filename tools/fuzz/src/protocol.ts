import type { FormatName } from './formats.js';

/** What the parent asks a child process to run: cases `start` to `end - 1` of a seeded run. */
export interface RunRequest {
  readonly format: FormatName;
  readonly seed: number;
  readonly start: number;
  readonly end: number;
}

/** How one case ended, as the child reports it. */
export interface CaseResult {
  readonly index: number;
  readonly mutation: string;
  readonly mayLoad: boolean;
  /** `error`: an SnnError; `loaded`: the model loaded; `untyped`: anything else was thrown; `skipped`: the mutator did not apply. */
  readonly outcome: 'error' | 'loaded' | 'untyped' | 'skipped';
  readonly code?: string;
  readonly message?: string;
  /** Whether the message names the file, or `where` names the layer, node or field at fault. */
  readonly named?: boolean;
  /** The error came from a WebAssembly trap in the HDF5 library (its instance is then replaced). */
  readonly trapped?: boolean;
  /** Instances of the HDF5 library replaced during the case (after traps; a read that trapped may have been retried). */
  readonly renewals?: number;
  /** After a case with a trap or a replaced instance: whether the undamaged file then loaded, and if not, why. */
  readonly recovered?: boolean;
  readonly afterTrap?: string;
  /** Files the reader left in h5wasm's in-memory file system. */
  readonly leftFiles?: readonly string[];
  readonly ms: number;
  /** Peak resident set size of the child so far, bytes. */
  readonly maxRss: number;
}
