/**
 * `@snn/train/node`: Node-only helpers of `@snn/train` (file system).
 *
 * @packageDocumentation
 */

/** Save a trained graph as a `.snn` checkpoint atomically, and load it to resume. */
export { saveCheckpoint, loadCheckpoint, type CheckpointInfo, type LoadedCheckpoint } from '../checkpoint/checkpoint.js';
/** Write a file through a temporary file and a rename, so it is never left half-written. */
export { writeFileAtomic, type AtomicWriteHooks } from '../checkpoint/atomic-write.js';
