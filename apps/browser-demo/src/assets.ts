/** The files the demo page fetches, beside its `index.html` (written by `buildDemoPage`). */
export const DEMO_ASSETS = {
  /** The Keras model, copied from the shared fixtures. */
  model: 'model.h5',
  /** The first test digits as MNIST IDX files (images, labels). */
  images: 'digits-images.idx',
  labels: 'digits-labels.idx',
  /** The bundled page script. */
  script: 'app.js',
} as const;

/** What the page leaves on `window.snnDemo` when its run is done (read by the headless check). */
export interface PageResult {
  readonly labels: number[];
  readonly predicted: number[];
  /** Output values, (digits, steps, classes) in C order. */
  readonly output: number[];
  /** Spike counts of the raster (steps x neurons) and its layer. */
  readonly raster: number[];
  readonly rasterLayer: string;
  readonly firingRateHz: Record<string, number>;
  /** Milliseconds: model import and conversion, the spiking run, and everything from the first fetch to the drawn page. */
  readonly importMs: number;
  readonly runMs: number;
  readonly pageMs: number;
  /** Whether the page had SharedArrayBuffer (cross-origin isolated: WebAssembly threads and neuron kernels). */
  readonly crossOriginIsolated: boolean;
}
