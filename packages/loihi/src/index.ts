// @snn/loihi: Intel Loihi for snn (spec: shared/spec/loihi.md).
/** The package's error codes. */
export { loihiErrorCodes, loihiError, type LoihiErrorCode } from './error-codes.js';
