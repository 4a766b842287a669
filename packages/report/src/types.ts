/** One line of a {@link lineChart}: points (x[i], y[i]); non-finite points break the line. */
export interface LineSeries {
  /** Name shown in the legend. */
  readonly name: string;
  readonly x: ArrayLike<number>;
  readonly y: ArrayLike<number>;
  /** Draw dashed (e.g. a reference or a rate-mode baseline). */
  readonly dashed?: boolean;
  /** CSS colour; default: the next colour of the colour-blind-safe palette. */
  readonly color?: string;
}

/** An axis: its label, optional fixed bounds (default: nice bounds around the data) and log scale. */
export interface AxisOptions {
  /** Axis title, with units, e.g. "time (ms)". */
  readonly label: string;
  readonly min?: number;
  readonly max?: number;
  /** Logarithmic scale (base 10); non-positive values are skipped. */
  readonly log?: boolean;
}

/** Options every chart takes. */
export interface ChartOptions {
  /** Title drawn above the plot and used as the SVG's accessible `<title>`. */
  readonly title?: string;
  /** Width of the SVG's viewBox in px (default 560). */
  readonly width?: number;
  /** Height of the SVG's viewBox in px (default 320). */
  readonly height?: number;
}

/** The kinds of plot, as written in each SVG's `data-plot` attribute. */
export type PlotKind = 'line' | 'raster' | 'trace' | 'histogram' | 'bar' | 'image' | 'heatmap';
