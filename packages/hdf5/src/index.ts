/**
 * `@snn/hdf5`: HDF5 files from and to bytes through h5wasm's in-memory file system, the same
 * in Node and in browsers; shared by the Keras (.h5) and NIR (.nir) readers and writers.
 *
 * @packageDocumentation
 */

/** Read an HDF5 file given as bytes; write one and get its bytes. */
export { withHdf5Bytes, hdf5Bytes, type Hdf5File } from './hdf5-bytes.js';
