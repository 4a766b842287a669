// @snn/loihi: Intel Loihi for snn (spec: shared/spec/loihi.md).
/** The package's error codes. */
export { loihiErrorCodes, loihiError, type LoihiErrorCode } from './error-codes.js';
/** Bit-exact integer Loihi emulator (spec §3.1) and its float "simreal" twin. */
export { LoihiEmulator, type LoihiEmulatorOptions } from './emulator/loihi-emulator.js';
export { SimrealEmulator } from './emulator/simreal-emulator.js';
export { EmulatorProbe, type EmulatorProbeKey } from './emulator/emulator-probe.js';
export type {
  LoihiEmulatorBlock,
  LoihiEmulatorNetwork,
  LoihiEmulatorSynapse,
  LoihiSpikeInput,
  LoihiOverflowMode,
  DenseSynapse,
  EmulatorNetwork,
} from './emulator/types.js';
export type { SimrealBlock, SimrealNetwork, SimrealSynapse } from './emulator/simreal-types.js';
/** Emulator building blocks: Nengo Loihi's `decay_int` and `overflow_signed`, register widths. */
export { decayInt } from './emulator/decay-int.js';
export { wrapSigned, Q_BITS, U_BITS } from './emulator/wrap-signed.js';
/** Emulator speed, for the workspace benchmark. */
export {
  measureEmulatorThroughput,
  type EmulatorThroughputOptions,
  type EmulatorThroughput,
} from './emulator/emulator-throughput.js';
