/**
 * `@snn/hdf5`: HDF5 files from and to bytes through h5wasm's in-memory file system, the same
 * in Node and in browsers; shared by the Keras (.h5) and NIR (.nir) readers and writers.
 *
 * @packageDocumentation
 */

/** Read an HDF5 file given as bytes; write one and get its bytes. */
export { withHdf5Bytes, hdf5Bytes, type Hdf5File } from './hdf5-bytes.js';
/** How many times an instance of the HDF5 library that trapped on a damaged file was replaced by a new one in this process. */
export { hdf5Renewals } from './hdf5-module.js';
/** The WebAssembly trap (out-of-bounds access, abort) that an error is or has among its causes: tells a trap of the HDF5 library from its ordinary errors. */
export { trapCause } from './hdf5-module.js';
