/** Options of {@link exportNir}. */
export interface ExportNirOptions {
  /**
   * Write the nearest NIR node when a parameter has no NIR counterpart (a refractory period
   * `tauRef`, a voltage floor `minVoltage`, a per-step spike cap) instead of failing; each
   * such change is reported through `onWarning`. Default false: such networks are errors.
   */
  readonly approximate?: boolean;
  /** Receives one sentence per approximation made (with `approximate`). */
  readonly onWarning?: (message: string) => void;
}
