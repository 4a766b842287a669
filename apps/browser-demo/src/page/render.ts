import type { MnistSet } from '@snn/mnist';
import { figure, figureRow, htmlTable, imageStrip, lineChart, paragraph, rasterPlot, type LineSeries } from '@snn/report';
import { DEMO_SETTINGS, type DemoRun } from '../demo-run.js';

/** The demo's results as report markup: the digits with their predictions, digit 0's output over time and spike raster, and a table of numbers. */
export function renderDemo(run: DemoRun, digits: MnistSet, pageMs: number): string {
  const { steps, dt, classes } = run;
  const correct = run.predicted.filter((p, i) => p === run.labels[i]).length;
  const ms = Float64Array.from({ length: steps }, (_, t) => (t + 1) * dt * 1000);
  const series: LineSeries[] = Array.from({ length: classes }, (_, c) => ({
    name: String(c),
    x: ms,
    y: Float64Array.from({ length: steps }, (_, t) => run.output[t * classes + c]),
  }));
  return [
    paragraph(
      `${correct} of ${run.count} digits right after ${steps} steps of ${dt * 1000} ms (ReLU → spiking rectified linear, firing rates x${DEMO_SETTINGS.scaleFiringRates}, ${DEMO_SETTINGS.synapse * 1000} ms lowpass synapses).`,
    ),
    figure(
      imageStrip({
        title: `${run.count} MNIST test digits (label → prediction)`,
        images: digits.images,
        width: 28,
        height: 28,
        count: run.count,
        columns: 8,
        captions: run.labels.map((l, i) => `${l} → ${run.predicted[i]}`),
      }),
    ),
    figureRow(
      figure(lineChart({ title: `Output per class over time, digit 0 (a ${run.labels[0]})`, series, x: { label: 'time (ms)' }, y: { label: 'output' }, legend: 'right' })),
      figure(
        rasterPlot({ title: `Spikes of the ${run.rasterNeurons} busiest neurons of ${run.rasterLayer}, digit 0`, counts: run.raster, steps, neurons: run.rasterNeurons, dt }),
        `raster of ${run.rasterLayer}`,
      ),
    ),
    htmlTable(
      ['measure', 'value'],
      [
        ['model import and conversion (ms)', run.importMs.toFixed(0)],
        [`spiking run, ${run.count} digits x ${steps} steps (ms)`, run.runMs.toFixed(0)],
        ['whole page: fetch, import, run, draw (ms)', pageMs.toFixed(0)],
        ...Object.entries(run.firingRateHz).map(([id, hz]) => [`mean firing rate of ${id} (Hz)`, hz.toFixed(1)]),
      ],
      { align: ['left', 'right'] },
    ),
  ].join('\n');
}
