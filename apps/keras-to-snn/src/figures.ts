import { figure, figureRow, heatmap, histogram, imageStrip, lineChart, rasterPlot, traceChart, type LineSeries } from '@snn/report';
import type { ActivityRecord } from './record-activity.js';
import type { StageRow, WalkBase } from './walk.js';

/** The first `count` test digits with their labels. */
export function inputDigits(walk: WalkBase, count: number): string {
  const n = Math.min(count, walk.test.count);
  const captions = Array.from(walk.test.labels.subarray(0, n), (l) => String(l));
  return figure(imageStrip({ title: `The first ${n} test images`, images: walk.test.images.subarray(0, n * 784), width: 28, height: 28, count: n, captions, columns: Math.min(n, 16) }), 'MNIST test digits (28 x 28, values 0..1) with their labels: what every network below classifies.');
}

/** Lowpass-filtered spike trains (tau 10 ms) of the first `k` sampled neurons: firing rate over time. */
function filteredTraces(spikes: Float32Array, steps: number, sampled: number, k: number, dt: number): Float32Array {
  const out = new Float32Array(steps * k);
  const decay = Math.exp(-dt / 0.01);
  for (let s = 0; s < k; s++) {
    let x = 0;
    for (let t = 0; t < steps; t++) {
      x = decay * x + (1 - decay) * (spikes[t * sampled + s] / dt);
      out[t * k + s] = x;
    }
  }
  return out;
}

/**
 * What a network did with one image: a spike raster and filtered activity traces of sampled
 * neurons per layer, and the output per class over time.
 */
export function activityFigures(record: ActivityRecord, network: string): string {
  const figures: string[] = [];
  for (const layer of record.layers) {
    const sampled = layer.sampled.length;
    figures.push(
      figure(
        rasterPlot({ title: `${network}: ${layer.node}`, counts: layer.spikes, steps: record.steps, neurons: sampled, dt: record.dt, neuronLabel: `${sampled} of ${layer.active.toLocaleString('en-US')} active neurons` }),
        `Spikes of ${sampled} neurons sampled from the ${layer.active.toLocaleString('en-US')} of ${layer.neurons.toLocaleString('en-US')} in ${layer.node} that spiked on test image ${record.image} (a ${record.label}).`,
      ),
    );
    const k = Math.min(5, sampled);
    if (k > 0) {
      figures.push(
        figure(
          traceChart({ title: `${network}: ${layer.node} activity`, values: filteredTraces(layer.spikes, record.steps, sampled, k, record.dt), steps: record.steps, traces: k, dt: record.dt, y: { label: 'rate (Hz, 10 ms lowpass)', min: 0 } }),
          `Activity of ${k} of those neurons: their spike trains through a 10 ms lowpass filter.`,
        ),
      );
    }
  }
  figures.push(
    figure(
      heatmap({ title: `${network}: output per class`, values: transpose(record.output, record.steps, 10), rows: 10, columns: record.steps, rowLabels: Array.from({ length: 10 }, (_, c) => (c === record.label ? `${c} (true)` : String(c))), yLabel: 'class', valueLabel: 'output', x: { label: record.dt ? 'time (ms)' : 'step', min: 0, max: record.steps * record.dt * 1000 } }),
      `The network's 10 outputs over time for image ${record.image} (label ${record.label}); brighter is larger.`,
    ),
  );
  return figureRow(...figures);
}

function transpose(data: Float32Array, rows: number, columns: number): Float32Array {
  const out = new Float32Array(rows * columns);
  for (let r = 0; r < rows; r++) for (let c = 0; c < columns; c++) out[c * rows + r] = data[r * columns + c];
  return out;
}

/** Histograms of each layer's per-neuron firing rates in one measured row. */
export function rateHistograms(row: StageRow): string {
  return figureRow(
    ...Object.entries(row.perNeuronHz).map(([layer, rates]) =>
      figure(
        histogram({ title: `${row.name}: ${layer}`, values: rates, bins: 30, x: { label: 'firing rate (Hz)', min: 0 }, y: { label: 'neurons', log: true } }),
        `Firing rates of the ${rates.length.toLocaleString('en-US')} neurons of ${layer} (mean ${row.meanRateHz[layer].toFixed(1)} Hz, max ${row.maxRateHz[layer].toFixed(0)} Hz) over ${row.steps} steps.`,
      ),
    ),
  );
}

/** Accuracy after 1..T steps for several networks on one plot, with the ANN as a dashed line. */
export function accuracyCurves(title: string, rows: readonly StageRow[], annAccuracy: number, caption: string, options: { readonly yMin?: number; readonly colorOf?: (row: StageRow) => string } = {}): string {
  const longest = Math.max(1, ...rows.map((r) => r.accuracyByStep?.length ?? 0));
  const series: LineSeries[] = rows
    .filter((r) => r.accuracyByStep)
    .map((r) => ({ name: r.name, x: Array.from(r.accuracyByStep!, (_, i) => i + 1), y: Array.from(r.accuracyByStep!, (a) => 100 * a), ...(options.colorOf ? { color: options.colorOf(r) } : {}) }));
  series.push({ name: 'ANN', x: [1, longest], y: [100 * annAccuracy, 100 * annAccuracy], dashed: true, color: '#000000' });
  return figure(lineChart({ title, series, x: { label: 'time steps', min: 1, max: longest }, y: { label: 'test accuracy (%)', max: 100, ...(options.yMin !== undefined ? { min: options.yMin } : {}) }, legend: 'right', width: 900, height: 420 }), caption);
}
