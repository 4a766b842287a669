/** The NIR version written into exported files (the `version` dataset at the file root). */
export const NIR_VERSION = '1.0.7';

/** Metadata key (in a node's `metadata` group) holding snn's initial membrane voltage of an IF population. */
export const INITIAL_VOLTAGE_KEY = 'snn_initial_voltage';

/**
 * snn's LIF clamps the voltage at `minVoltage`; NIR's LIF never clamps. An imported LIF gets
 * this (finite, so `.snn` files can hold it) value, and an exported LIF must have a
 * `minVoltage` at or below -1e30 (values that low count as never clamped).
 */
export const UNCLAMPED_MIN_VOLTAGE = -3.4e38;

/** `minVoltage` values at or below this count as "never clamped". */
export const UNCLAMPED_LIMIT = -1e30;
