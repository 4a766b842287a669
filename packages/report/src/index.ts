/**
 * `@snn/report`: self-contained HTML reports with inline SVG charts (spike rasters,
 * activity traces, accuracy curves, histograms, grouped bars, digit strips, heatmaps) and
 * result tables. Pure string building with no dependencies: runs in browsers and in Node
 * with no DOM. Every chart is an `<svg>` with `role="img"`, a `<title>`, `data-plot`
 * (its kind) and `data-marks` (data marks drawn); empty or NaN data renders "no data".
 * Writing a file is in `@snn/report/node`.
 *
 * @packageDocumentation
 */

/** Series, axes and options every chart shares, and the plot kinds. */
export type { LineSeries, AxisOptions, ChartOptions, PlotKind } from './types.js';
/** Line chart of series (e.g. accuracy vs. steps of several networks). */
export { lineChart, type LineChartOptions } from './line-chart.js';
/** Spike raster of sampled neurons over time. */
export { rasterPlot, type RasterPlotOptions } from './raster-plot.js';
/** Overlaid traces of signals over time (e.g. filtered neuron activity). */
export { traceChart, type TraceChartOptions } from './trace-chart.js';
/** Histogram (e.g. firing rates of a layer). */
export { histogram, type HistogramOptions } from './histogram.js';
/** Grouped bar chart. */
export { barChart, type BarChartOptions, type BarSeries } from './bar-chart.js';
/** Grid of grayscale images (e.g. input digits). */
export { imageStrip, type ImageStripOptions } from './image-strip.js';
/** Heatmap (e.g. output per class over time). */
export { heatmap, type HeatmapOptions } from './heatmap.js';
/** Results table. */
export { htmlTable, type HtmlTableOptions } from './html-table.js';
/** Escaping of text for HTML and SVG. */
export { escapeHtml } from './escape-html.js';
/** The report document. */
export { HtmlReport, type HtmlReportOptions } from './html-report.js';
/** Layout blocks of a report section. */
export { paragraph, figure, figureRow } from './layout.js';
/** The colour-blind-safe palette the charts use. */
export { PALETTE } from './palette.js';
/** The error codes of this package. */
export { reportErrorCodes, type ReportErrorCode } from './error-codes.js';

/** Plain-text tables for terminals, and counts for people (12,345). */
export { formatTable, formatCount, type Align } from './text/table.js';
/** A terminal progress bar that appears only on long work. */
export { createProgress, formatBar, type Progress, type ProgressTarget } from './text/progress.js';
