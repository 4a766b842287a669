import { loihiError } from '../error-codes.js';

/** What an {@link EmulatorProbe} records: Nengo Loihi's probe keys. */
export type EmulatorProbeKey = 'current' | 'voltage' | 'spiked';

/**
 * Per-step record of one block's current, voltage or spike flags for every sample, in a
 * buffer allocated once: `data[(step * nSamples + sample) * nCompartments + compartment]`,
 * step 0 being the first step after the probe was added. Integers are exact in the doubles.
 */
export class EmulatorProbe {
  /** The recorded values, `capacity x samples x compartments`; only the first `nSteps` rows are set. */
  readonly data: Float64Array;
  private rows = 0;

  /** A probe on `block`'s `key` for up to `capacity` steps of `size` = samples x compartments. */
  constructor(
    readonly block: string,
    readonly key: EmulatorProbeKey,
    readonly size: number,
    readonly capacity: number,
  ) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw loihiError('LOIHI_BAD_ARGUMENT', `a probe needs a positive whole number of steps, got ${capacity}`, block);
    }
    this.data = new Float64Array(size * capacity);
  }

  /** Steps recorded so far. */
  get nSteps(): number {
    return this.rows;
  }

  /** Throw LOIHI_BAD_ARGUMENT if another step would not fit (checked before a step runs). */
  checkRoom(): void {
    if (this.rows >= this.capacity) {
      throw loihiError('LOIHI_BAD_ARGUMENT', `probe on ${this.key} is full after ${this.capacity} steps; give it more steps when adding it`, this.block);
    }
  }

  /** Append one step's values (`size` of them); called by the emulator after each step. */
  record(values: Int32Array | Float64Array | Uint8Array): void {
    this.checkRoom();
    this.data.set(values, this.rows * this.size);
    this.rows++;
  }

  /** Forget what was recorded (the buffer is kept). */
  clear(): void {
    this.rows = 0;
  }
}
