/**
 * `@snn/ir/node`: what the IR's users share on Node only (file system). The rest of
 * `@snn/ir` runs in browsers too.
 *
 * @packageDocumentation
 */
/** Atomic file writes (temporary file, fsync, rename), for checkpoints, networks and reports. */
export { writeFileAtomic, type AtomicWriteHooks } from './node/atomic-write.js';
