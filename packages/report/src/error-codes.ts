/**
 * Stable codes of the errors `@snn/report` raises, each with what it means. Charts never
 * throw for bad data (empty, NaN, all-zero inputs render "no data"); they throw only when
 * the arguments contradict each other.
 */
export const reportErrorCodes = {
  REPORT_BAD_ARGUMENT: "a chart's values do not fill the shape its arguments give (e.g. counts.length is not steps x neurons), or a dimension is not a whole number",
  REPORT_WRITE: 'the report file could not be written (missing folder, no permission, disk full); the previous file, if any, is unchanged',
} as const;

/** One of the codes in {@link reportErrorCodes}. */
export type ReportErrorCode = keyof typeof reportErrorCodes;
