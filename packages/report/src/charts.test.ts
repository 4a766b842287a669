import { describe, expect, it } from 'vitest';
import { loadMnist } from '@snn/mnist/node';
import { barChart, heatmap, histogram, imageStrip, lineChart, rasterPlot, traceChart } from './index.js';
import { binCounts } from './histogram.js';
import { checkChart, isNiceSequence, tickValues } from './test-support/svg-checks.js';
import { isSnnError } from '@snn/ir';

const mnist = loadMnist('test', 8);
const NASTY = 'a < b & "c"';

/**
 * An analytic LIF spike train (Nengo's LIF, tauRc 20 ms, tauRef 2 ms) under constant input J:
 * spikes every tauRef + tauRc ln(1 + 1/(J - 1)) seconds; counts per step of dt for each current.
 */
function lifCounts(currents: readonly number[], steps: number, dt: number): Float32Array {
  const counts = new Float32Array(steps * currents.length);
  currents.forEach((J, i) => {
    if (J <= 1) return;
    const period = 0.002 + 0.02 * Math.log1p(1 / (J - 1));
    for (let k = 1; k * period < steps * dt; k++) counts[Math.floor((k * period) / dt) * currents.length + i]++;
  });
  return counts;
}

describe('lineChart', () => {
  const steps = Float64Array.from({ length: 30 }, (_, i) => i + 1);
  const acc = (tau: number) => steps.map((t) => 0.99 * (1 - Math.exp(-t / tau)));
  it('draws one path per series, a legend, nice ticks covering the data, everything inside the viewBox', () => {
    const svg = lineChart({
      title: NASTY,
      series: [
        { name: 'network A', x: steps, y: acc(3) },
        { name: 'network B', x: steps, y: acc(8), dashed: true },
        { name: 'rate mode', x: [1, 30], y: [0.99, 0.99], color: '#000' },
      ],
      x: { label: 'steps' },
      y: { label: 'accuracy', min: 0, max: 1 },
    });
    const f = checkChart(svg, 'line');
    expect(f.problems).toEqual([]);
    expect(f.marks).toBe(3);
    expect(f.markElements).toBe(3);
    expect(svg).toContain('stroke-dasharray');
    expect(f.texts).toEqual(expect.arrayContaining(['network A', 'network B', 'rate mode', 'steps', 'accuracy']));
    expect(svg).toContain('<title>a &lt; b &amp; &quot;c&quot;</title>');
    expect(svg).not.toContain(NASTY);
    const xt = tickValues(svg, 'x');
    expect(isNiceSequence(xt)).toBe(true);
    expect(xt[0]).toBeLessThanOrEqual(1);
    expect(xt.at(-1)!).toBeGreaterThanOrEqual(30);
    expect(tickValues(svg, 'y')).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });

  it('breaks lines at NaN, skips non-positive values on log axes, and draws a lone point as a dot', () => {
    const svg = lineChart({
      series: [
        { name: 'gappy', x: [1, 2, 3, 4, 5], y: [1, 2, NaN, 4, 5] },
        { name: 'with zero', x: [1, 2, 3], y: [0, 10, 100] },
        { name: 'single', x: [3], y: [7] },
      ],
      x: { label: 'x' },
      y: { label: 'y', log: true },
    });
    const f = checkChart(svg, 'line');
    expect(f.problems).toEqual([]);
    expect(f.marks).toBe(3);
    const gappy = /<path class="m" d="([^"]+)"/.exec(svg)![1];
    expect(gappy.match(/M/g)!.length).toBe(2);
    expect(svg).toContain('<circle class="m"');
    expect(tickValues(svg, 'y')).toEqual([1, 2, 5, 10, 20, 50, 100]);
  });

  it.each([
    ['no series', []],
    ['empty series', [{ name: 'e', x: [], y: [] }]],
    ['all NaN', [{ name: 'n', x: [1, 2], y: [NaN, NaN] }]],
  ])('says "no data" for %s', (_, series) => {
    const f = checkChart(lineChart({ title: 't', series, x: { label: 'x' }, y: { label: 'y' } }), 'line');
    expect(f.problems).toEqual([]);
    expect(f.marks).toBe(0);
    expect(f.texts).toContain('no data');
  });
});

describe('rasterPlot', () => {
  const currents = [1.2, 1.5, 2, 3, 5, 0.5];
  const steps = 200;
  const counts = lifCounts(currents, steps, 0.001);

  it('draws one tick per (step, neuron) with spikes of an analytic LIF spike train, time in ms', () => {
    const svg = rasterPlot({ title: 'LIF raster', counts, steps, neurons: currents.length, dt: 0.001 });
    const f = checkChart(svg, 'raster');
    expect(f.problems).toEqual([]);
    const nonZero = counts.filter((c) => c > 0).length;
    expect(nonZero).toBeGreaterThan(20);
    expect(f.marks).toBe(nonZero);
    const ticks = [...svg.matchAll(/<path class="m" d="([^"]+)"/g)].map((m) => m[1].match(/M/g)!.length);
    expect(ticks.reduce((a, b) => a + b, 0)).toBe(nonZero);
    expect(f.texts).toContain('time (ms)');
    const xt = tickValues(svg, 'x');
    expect(isNiceSequence(xt)).toBe(true);
    expect([xt[0], xt.at(-1)]).toEqual([0, 200]);
  });

  it('draws steps with more than one spike darker and thicker', () => {
    const svg = rasterPlot({ counts: [1, 0, 3, 0], steps: 2, neurons: 2 });
    const paths = [...svg.matchAll(/<path class="m" d="([^"]+)" stroke="(#\w+)" stroke-width="([\d.]+)"/g)];
    expect(paths).toHaveLength(2);
    expect(Number(paths[1][3])).toBeGreaterThan(Number(paths[0][3]));
    expect(checkChart(svg, 'raster').texts).toContain('step');
  });

  it('says "no data" when nothing spiked, and rejects counts that do not fill steps x neurons', () => {
    const f = checkChart(rasterPlot({ counts: new Float32Array(12), steps: 3, neurons: 4 }), 'raster');
    expect(f.marks).toBe(0);
    expect(f.texts[0]).toMatch(/no data/);
    expect(checkChart(rasterPlot({ counts: [], steps: 0, neurons: 0 }), 'raster').marks).toBe(0);
    expect(() => rasterPlot({ counts: [1, 2, 3], steps: 2, neurons: 2 })).toThrow(/3 values, but steps x neurons = 2 x 2 = 4/);
    let error: unknown;
    try {
      rasterPlot({ counts: [1], steps: 1.5, neurons: 1 });
    } catch (e) {
      error = e;
    }
    expect(isSnnError(error, 'REPORT_BAD_ARGUMENT')).toBe(true);
  });
});

describe('traceChart', () => {
  it('draws one line per trace (low-pass filtered analytic spike trains), with a legend for labelled traces', () => {
    const currents = [1.5, 3, 6];
    const steps = 150;
    const counts = lifCounts(currents, steps, 0.001);
    const filtered = new Float32Array(counts.length);
    const decay = Math.exp(-0.001 / 0.005);
    for (let t = 0; t < steps; t++)
      for (let j = 0; j < 3; j++) filtered[t * 3 + j] = (t ? filtered[(t - 1) * 3 + j] * decay : 0) + (1 - decay) * counts[t * 3 + j] * 1000;
    const svg = traceChart({ title: 'activity', values: filtered, steps, traces: 3, dt: 0.001, y: { label: 'rate (Hz)' }, labels: ['J=1.5', 'J=3', 'J=6'] });
    const f = checkChart(svg, 'trace');
    expect(f.problems).toEqual([]);
    expect(f.marks).toBe(3);
    expect(f.markElements).toBe(3);
    expect(f.texts).toEqual(expect.arrayContaining(['J=1.5', 'J=6', 'time (ms)', 'rate (Hz)']));
    const yt = tickValues(svg, 'y');
    expect(isNiceSequence(yt)).toBe(true);
    expect(yt.at(-1)!).toBeGreaterThanOrEqual(Math.max(...filtered));
  });

  it('says "no data" for all-NaN values', () => {
    const f = checkChart(traceChart({ values: [NaN, NaN, NaN, NaN], steps: 2, traces: 2, y: { label: 'v' } }), 'trace');
    expect([f.problems, f.marks]).toEqual([[], 0]);
  });
});

describe('histogram', () => {
  it('bins the pixel intensities of 8 MNIST digits: bar heights are the counts', () => {
    const svg = histogram({ title: 'pixels', values: mnist.images, bins: 10, x: { label: 'intensity' }, y: { label: 'pixels', log: true } });
    const f = checkChart(svg, 'histogram');
    expect(f.problems).toEqual([]);
    const counts = binCounts(mnist.images, 10, 0, 1, false);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(8 * 784);
    expect(f.marks).toBe(counts.filter((c) => c > 0).length);
    const yt = tickValues(svg, 'y');
    expect(yt[0]).toBe(1);
    expect(yt.at(-1)!).toBeGreaterThanOrEqual(Math.max(...counts));
  });

  it('counts only the given range, log-spaced bins on a log x axis, and "no data" for NaN or empty input', () => {
    expect(Array.from(binCounts([0.5, 1, 5, 10, 50, 100, 1000, -1, NaN], 2, 1, 100, true))).toEqual([2, 3]);
    const f = checkChart(histogram({ values: [1, 10, 100], x: { label: 'Hz', log: true }, bins: 2 }), 'histogram');
    expect([f.problems, f.marks]).toEqual([[], 2]);
    for (const values of [[], [NaN, NaN], [-1, 0]]) {
      const g = checkChart(histogram({ values, x: { label: 'Hz', log: true } }), 'histogram');
      expect([g.problems, g.marks, g.texts.includes('no data')]).toEqual([[], 0, true]);
    }
    const zeros = checkChart(histogram({ values: new Float32Array(50), x: { label: 'Hz' } }), 'histogram');
    expect([zeros.problems, zeros.marks]).toEqual([[], 1]);
  });
});

describe('barChart', () => {
  it('draws a bar per finite non-zero value, grouped per category, with a legend and a zero line for negatives', () => {
    const digits = Array.from({ length: 10 }, (_, d) => String(d));
    const perDigit = digits.map((d) => mnist.labels.filter((l) => String(l) === d).length);
    const svg = barChart({
      title: 'labels',
      categories: digits,
      series: [
        { name: 'count', values: perDigit },
        { name: 'minus', values: perDigit.map((c) => -c / 2) },
      ],
      y: { label: 'images' },
    });
    const f = checkChart(svg, 'bar');
    expect(f.problems).toEqual([]);
    expect(f.marks).toBe(2 * perDigit.filter((c) => c > 0).length);
    expect(f.markElements).toBe(f.marks);
    expect(f.texts).toEqual(expect.arrayContaining(['count', 'minus', ...digits]));
    const yt = tickValues(svg, 'y');
    expect(yt[0]).toBeLessThanOrEqual(-Math.max(...perDigit) / 2);
  });

  it('slants long category names and says "no data" when every value is zero or NaN', () => {
    const svg = barChart({ categories: ['a very long category name', 'another long name here', 'and a third'], series: [{ name: 's', values: [1, 2, 3] }], y: { label: 'v' }, width: 300 });
    expect(checkChart(svg, 'bar').problems).toEqual([]);
    expect(svg).toContain('rotate(-35)');
    const f = checkChart(barChart({ categories: ['a', 'b'], series: [{ name: 's', values: [0, NaN] }], y: { label: 'v' } }), 'bar');
    expect([f.marks, f.texts.includes('no data')]).toEqual([0, true]);
  });
});

describe('imageStrip', () => {
  it('draws each MNIST digit as an inline BMP image with its caption and no external reference', () => {
    const captions = Array.from(mnist.labels, (l) => `label ${l}`);
    const svg = imageStrip({ title: 'digits', images: mnist.images, width: 28, height: 28, count: 8, captions, columns: 4 });
    const f = checkChart(svg, 'image');
    expect(f.problems).toEqual([]);
    expect(f.marks).toBe(8);
    expect(f.markElements).toBe(8);
    const hrefs = [...svg.matchAll(/href="([^"]+)"/g)].map((m) => m[1]);
    expect(hrefs).toHaveLength(8);
    for (const h of hrefs) expect(h).toMatch(/^data:image\/bmp;base64,Qk/);
    expect(new Set(hrefs).size).toBe(8);
    expect(f.texts).toEqual(expect.arrayContaining(captions));
  });

  it('says "no data" for no images and rejects images that do not fill count x height x width', () => {
    expect(checkChart(imageStrip({ images: [], width: 28, height: 28, count: 0 }), 'image').marks).toBe(0);
    expect(() => imageStrip({ images: new Float32Array(10), width: 28, height: 28, count: 1 })).toThrow(/count x height x width/);
  });
});

describe('heatmap', () => {
  it('draws a rows x columns map with row labels, a time axis and a colour bar; marks are the finite cells', () => {
    const columns = 40;
    const values = new Float32Array(10 * columns);
    for (let r = 0; r < 10; r++) for (let c = 0; c < columns; c++) values[r * columns + c] = r === 7 ? 1 - Math.exp(-c / 5) : 0.1 * Math.sin(r + c);
    values[3] = NaN;
    const svg = heatmap({ title: 'output', values, rows: 10, columns, rowLabels: Array.from({ length: 10 }, (_, d) => `digit ${d}`), x: { label: 'time (ms)', min: 0, max: 40 }, valueLabel: 'output' });
    const f = checkChart(svg, 'heatmap');
    expect(f.problems).toEqual([]);
    expect(f.marks).toBe(10 * columns - 1);
    expect(f.texts).toEqual(expect.arrayContaining(['digit 0', 'digit 9', 'time (ms)']));
    const xt = tickValues(svg, 'x');
    expect(isNiceSequence(xt)).toBe(true);
    expect([xt[0], xt.at(-1)]).toEqual([0, 40]);
  });

  it('says "no data" when every cell is NaN', () => {
    const f = checkChart(heatmap({ values: [NaN, NaN], rows: 1, columns: 2, x: { label: 't' } }), 'heatmap');
    expect([f.problems, f.marks]).toEqual([[], 0]);
  });
});
