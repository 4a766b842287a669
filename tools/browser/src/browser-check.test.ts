import { beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Graph, NeuronsNode } from '@snn/ir';
import { importKerasFile } from '@snn/keras-import/node';
import { loadMnist } from '@snn/mnist/node';
import { createNeuronRegistry } from '@snn/neurons';
import { barChart, figure, figureRow, heatmap, histogram, HtmlReport, htmlTable, imageStrip, lineChart, paragraph, rasterPlot, traceChart, type LineSeries } from '@snn/report';
import { writeReport } from '@snn/report/node';
import { accuracyOverTime, compile, initBackend, type RunResult } from '@snn/sim';
import { createSynapseRegistry } from '@snn/synapses';
import { checkReportInChromium } from './index.js';

// the shared Keras fixtures beside the repository (as in @snn/keras-import's tests), or SNN_FIXTURES
const FIXTURE_DIR = process.env.SNN_FIXTURES ?? fileURLToPath(new URL('../../../../shared/fixtures/keras/', import.meta.url));
const FIXTURE = join(FIXTURE_DIR, 'deepconcolic_tecs_mlp1_k224.h5');
const SCREENSHOT = fileURLToPath(new URL('../test-output/report.png', import.meta.url));
const DT = 0.001;
const STEPS = 60;
const SAMPLES = 100;
const LAYERS = ['dense_1/activation', 'dense_2/activation', 'dense_3/activation'];
const registries = () => ({ neurons: createNeuronRegistry(), synapses: createSynapseRegistry() });

/** A network variant of the walkthrough: the Keras MLP converted with NengoDL's options. */
interface Variant {
  readonly name: string;
  readonly scale: number;
  readonly synapse: number | null;
}
const VARIANTS: Variant[] = [
  { name: 'scale 50, synapse 5 ms', scale: 50, synapse: 0.005 },
  { name: 'scale 200, no synapse', scale: 200, synapse: null },
];

async function convert(v: Variant | null): Promise<Graph> {
  const opts = v === null ? {} : { swapActivations: { relu: 'SpikingRectifiedLinear' }, scaleFiringRates: v.scale, synapse: v.synapse };
  return (await importKerasFile(FIXTURE, opts)).graph;
}

/** Spikes per step of the `node` probe of sample 0 (values are amplitude / dt per spike), `neurons` sampled evenly. */
function spikeCounts(run: RunResult, probe: string, graph: Graph, node: string, neurons: number): { counts: Float32Array; size: number } {
  const { data, shape } = run.probes[probe];
  const size = shape[2];
  const amplitude = (graph.nodes.find((n) => n.id === node) as NeuronsNode).params?.amplitude ?? 1;
  const pick = Array.from({ length: Math.min(neurons, size) }, (_, k) => Math.floor((k * size) / Math.min(neurons, size)));
  const counts = new Float32Array(STEPS * pick.length);
  for (let t = 0; t < STEPS; t++) pick.forEach((i, k) => (counts[t * pick.length + k] = Math.round((data[t * size + i] * DT) / amplitude)));
  return { counts, size: pick.length };
}

/** The report of the walkthrough's figures, built from real MNIST digits and real spiking runs. */
async function buildReport(): Promise<{ html: string; kinds: Set<string> }> {
  const mnist = loadMnist('test', SAMPLES);
  const probes = Object.fromEntries([
    ...LAYERS.map((id) => [id, { node: id, keep: 'all' as const }]),
    ['filtered', { node: LAYERS[0], keep: 'all' as const, synapse: { type: 'lowpass', params: { tau: 0.01 } } }],
    ['output', { node: 'output', keep: 'all' as const }],
  ]);
  const rateGraph = await convert(null);
  const rate = compile(rateGraph, { ...registries(), mode: 'rate' }).run({ input: mnist.images }, { nSteps: 1, probes: { output: { node: 'output', keep: 'all' } } });
  const rateAccuracy = accuracyOverTime(rate.probes.output.data, mnist.labels, 1, 10, 'last')[0];
  const runs = [];
  for (const v of VARIANTS) {
    const graph = await convert(v);
    const run = compile(graph, { ...registries(), mode: 'spiking', dt: DT, seed: 0 }).run({ input: mnist.images }, { nSteps: STEPS, probes });
    runs.push({ v, graph, run, accuracy: accuracyOverTime(run.probes.output.data, mnist.labels, STEPS, 10, 'mean') });
  }
  const main = runs[0];
  const ms = Float64Array.from({ length: STEPS }, (_, t) => (t + 1) * DT * 1000);
  const series: LineSeries[] = runs.map((r) => ({ name: r.v.name, x: ms, y: r.accuracy.map((a) => a * 100) }));
  series.push({ name: 'rate (ANN)', x: [0, STEPS], y: [rateAccuracy * 100, rateAccuracy * 100], dashed: true, color: '#000' });
  const out = main.run.probes.output.data;
  const outputOverTime = new Float32Array(10 * STEPS);
  for (let t = 0; t < STEPS; t++) for (let c = 0; c < 10; c++) outputOverTime[c * STEPS + t] = out[t * 10 + c];
  const predicted = Array.from({ length: 8 }, (_, s) => {
    const sums = new Float64Array(10);
    for (let t = 0; t < STEPS; t++) for (let c = 0; c < 10; c++) sums[c] += out[(s * STEPS + t) * 10 + c];
    return sums.indexOf(Math.max(...sums));
  });
  const filtered = main.run.probes.filtered;
  const width = filtered.shape[2];
  // the 5 neurons with the most activity while digit 0 is shown
  const activity = new Float64Array(width);
  for (let t = 0; t < STEPS; t++) for (let i = 0; i < width; i++) activity[i] += filtered.data[t * width + i];
  const busiest = Array.from(activity.keys()).sort((a, b) => activity[b] - activity[a]).slice(0, 5);
  const traces = new Float32Array(STEPS * busiest.length);
  for (let t = 0; t < STEPS; t++) busiest.forEach((i, k) => (traces[t * busiest.length + k] = filtered.data[t * width + i]));

  const report = new HtmlReport('keras-to-snn: MLP on MNIST', { subtitle: `deepconcolic_tecs_mlp1, ${SAMPLES} test digits, ${STEPS} steps of ${DT * 1000} ms`, generated: 'test run' })
    .section('Input digits', figure(imageStrip({ title: 'First 8 test digits (label → prediction)', images: mnist.images.subarray(0, 8 * 784), width: 28, height: 28, count: 8, captions: predicted.map((p, s) => `${mnist.labels[s]} → ${p}`) })))
    .section(
      'Spikes per layer',
      paragraph(`Digit 0 (a ${mnist.labels[0]}) through ${main.v.name}: spikes of up to 40 neurons per layer.`),
      figureRow(...LAYERS.map((id) => figure(rasterPlot({ title: id, ...spikeCounts(main.run, id, main.graph, id, 40), steps: STEPS, dt: DT, neurons: spikeCounts(main.run, id, main.graph, id, 40).size }), `raster of ${id}`))),
    )
    .section('Activity and output over time', figureRow(
      figure(traceChart({ title: `Filtered activity, 5 busiest neurons of ${LAYERS[0]}, digit 0`, values: traces, steps: STEPS, traces: busiest.length, dt: DT, y: { label: 'activity (lowpass 10 ms)' }, labels: busiest.map((i) => `neuron ${i}`) })),
      figure(heatmap({ title: `Output per class, digit 0 (a ${mnist.labels[0]})`, values: outputOverTime, rows: 10, columns: STEPS, rowLabels: Array.from({ length: 10 }, (_, d) => String(d)), yLabel: 'class', x: { label: 'time (ms)', min: 0, max: STEPS * DT * 1000 }, valueLabel: 'output' })),
    ))
    .section('Accuracy vs. steps', figure(lineChart({ title: `Accuracy on ${SAMPLES} test digits`, series, x: { label: 'time (ms)' }, y: { label: 'accuracy (%)', max: 100 }, legend: 'bottom' })))
    .section('Firing rates', figureRow(
      ...LAYERS.map((id) => figure(histogram({ title: `Firing rates, ${id}`, values: main.run.stats[id].perNeuronHz, bins: 20, x: { label: 'firing rate (Hz)' }, y: { label: 'neurons' } }))),
      figure(barChart({ title: 'Mean firing rate per layer', categories: LAYERS.map((id) => id.replace('/activation', '')), series: runs.map((r) => ({ name: r.v.name, values: LAYERS.map((id) => r.run.stats[id].firingRateHz) })), y: { label: 'mean rate (Hz)' } })),
    ))
    .section('Results', htmlTable(
      ['network', `accuracy after ${STEPS} steps (%)`, 'mean rate (Hz)', 'synops / image'],
      [...runs.map((r) => [r.v.name, (r.accuracy[STEPS - 1] * 100).toFixed(1), r.run.stats[LAYERS[0]].firingRateHz.toFixed(1), Math.round(r.run.synops / SAMPLES).toLocaleString('en-US')]), ['rate (ANN)', (rateAccuracy * 100).toFixed(1), '', '']],
      { align: ['left', 'right', 'right', 'right'], highlightRow: 0 },
    ));
  const html = report.toHtml();
  const kinds = new Set([...html.matchAll(/data-plot="(\w+)"/g)].map((m) => m[1]));
  return { html, kinds };
}

describe('checkReportInChromium', () => {
  let built: { html: string; kinds: Set<string> };
  let dir: string;
  beforeAll(async () => {
    await initBackend();
    built = await buildReport();
    dir = mkdtempSync(join(tmpdir(), 'snn-browser-'));
    return () => rmSync(dir, { recursive: true, force: true });
  });

  it('renders a report with every chart kind from MNIST and spiking runs: all plots drawn, no errors, no network', async () => {
    expect([...built.kinds].sort()).toEqual(['bar', 'heatmap', 'histogram', 'image', 'line', 'raster', 'trace']);
    // beside the screenshot (gitignored), so that a person can open what was checked
    mkdirSync(join(SCREENSHOT, '..'), { recursive: true });
    const path = join(SCREENSHOT, '..', 'report.html');
    writeReport(path, built.html);
    const started = performance.now();
    const result = await checkReportInChromium(path, SCREENSHOT);
    console.log(`chromium check: ${((performance.now() - started) / 1000).toFixed(1)} s, ${result.plots.length} plots, screenshot ${SCREENSHOT}`);
    expect(result.consoleErrors).toEqual([]);
    expect(result.externalRequests).toEqual([]);
    expect(result.sections).toBe(6);
    expect(result.plots.length).toBe(built.html.match(/<svg /g)!.length);
    for (const p of result.plots) {
      expect(p.width, p.title).toBeGreaterThan(50);
      expect(p.height, p.title).toBeGreaterThan(50);
      expect(p.marks, p.title).toBeGreaterThan(0);
      expect(p.drawn, p.title).toBeGreaterThan(0);
    }
    expect(statSync(SCREENSHOT).size).toBeGreaterThan(10_000);
  });

  it('records and blocks requests to the network, and reports console errors', async () => {
    const path = join(dir, 'bad.html');
    writeReport(path, '<!doctype html><title>bad</title><img src="http://example.invalid/x.png"><script>console.error("boom")</script>');
    const result = await checkReportInChromium(path, join(dir, 'bad.png'));
    expect(result.externalRequests).toEqual(['http://example.invalid/x.png']);
    expect(result.consoleErrors.some((e) => e.includes('boom'))).toBe(true);
    expect(result.plots).toEqual([]);
  });

  it('names the fix when Chromium is missing', async () => {
    const saved = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = join(dir, 'no-chromium');
    try {
      await expect(checkReportInChromium(join(dir, 'bad.html'), join(dir, 'x.png'))).rejects.toThrow(/run tools\/scripts\/install-chromium.sh/);
    } finally {
      if (saved === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = saved;
    }
  });
});
