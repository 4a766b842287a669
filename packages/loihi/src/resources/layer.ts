/** The connection feeding a Loihi layer, described by shape only (resource counts need no weights). */
export type LoihiConnection =
  | { readonly kind: 'dense' }
  | {
      readonly kind: 'conv2d';
      /** Kernel rows, cols. */
      readonly kernel: readonly [number, number];
      /** Row, col strides. */
      readonly strides: readonly [number, number];
      readonly padding: 'valid' | 'same';
      /** Axon format of population spikes; Nengo Loihi's default is 32 (two axon slots per axon). */
      readonly popType?: 16 | 32;
    };

/**
 * One population of a chain network as Nengo Loihi builds it: its shape (channels-last for conv
 * layers), the connection from the previous layer, and whether it runs off-chip (on the host).
 */
export interface LoihiLayer {
  /** Layer name, used in block labels and errors. */
  readonly name: string;
  /** Population shape, e.g. [13, 13, 32] or [100]. */
  readonly shape: readonly number[];
  /** Connection from the previous layer; none for the first layer. */
  readonly input?: LoihiConnection;
  /** Off-chip layers (the to-spikes input layer, the output layer) take no core. */
  readonly offChip?: boolean;
}
