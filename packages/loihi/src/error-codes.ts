import { SnnError } from '@snn/ir';

/** Error codes of `@snn/loihi`, and what each means. */
export const loihiErrorCodes = {
  LOIHI_BUILD: 'the network cannot be built for Loihi as configured (Nengo Loihi BuildError wording)',
  LOIHI_LIMIT: 'a block exceeds a per-core limit of the chip (compartments, axons, synapse bits)',
  LOIHI_BLOCK_SHAPE: 'a block shape does not fit the layer it splits',
  LOIHI_BAD_ARGUMENT: 'an argument is out of range',
  LOIHI_OVERFLOW: 'an integer register overflowed in the emulator (strict mode)',
  LOIHI_WORKER: 'a worker thread of a parallel emulator run crashed or failed',
  LOIHI_UNSUPPORTED: 'the graph has a part the Loihi mapper does not handle (topology, neuron type, synapse)',
} as const;

/** One of {@link loihiErrorCodes}' keys. */
export type LoihiErrorCode = keyof typeof loihiErrorCodes;

/** An `SnnError` with a Loihi code, naming the block, layer or argument at fault (`where`). */
export function loihiError(code: LoihiErrorCode, message: string, where?: string): SnnError {
  return new SnnError(code, message, where !== undefined ? { where } : {});
}
