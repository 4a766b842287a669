import { describe, expect, it } from 'vitest';
import { loadMnist } from '@snn/mnist/node';
import { escapeHtml, figure, figureRow, histogram, HtmlReport, htmlTable, imageStrip, lineChart, paragraph } from './index.js';

describe('escapeHtml', () => {
  it('escapes the five special characters and nothing else', () => {
    expect(escapeHtml(`<a href="x">Tom & Jerry's</a> ≥ 5`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt; ≥ 5');
  });
});

describe('htmlTable', () => {
  it('escapes cells, aligns numeric columns, highlights a row and pads short rows', () => {
    const html = htmlTable(['network', 'accuracy (%)'], [['A <b>', '98.7'], ['B'], ['C', '99.1']], { align: ['left', 'right'], highlightRow: 2 });
    expect(html).toContain('<th class="num">accuracy (%)</th>');
    expect(html).toContain('<td>A &lt;b&gt;</td><td class="num">98.7</td>');
    expect(html).toContain('<td>B</td><td class="num"></td>');
    expect(html.match(/<tr class="highlight"><td>C<\/td>/)).not.toBeNull();
    expect(html.match(/<tr/g)).toHaveLength(4);
  });
});

describe('HtmlReport', () => {
  const mnist = loadMnist('test', 8);
  const build = () =>
    new HtmlReport('Report <1> & "2"', { subtitle: 'MNIST, 8 digits', generated: '2025-01-01' })
      .section('Input digits', figure(imageStrip({ images: mnist.images, width: 28, height: 28, count: 8 }), 'first 8 test digits'))
      .section('Results', paragraph('a < b'), htmlTable(['a'], [['1']]))
      .section('Results', figureRow(figure(histogram({ values: mnist.images, x: { label: 'intensity' } })), figure(lineChart({ series: [{ name: 's', x: [0, 1], y: [0, 1] }], x: { label: 'x' }, y: { label: 'y' } }))));

  it('has a table of contents linking to every section by a unique id', () => {
    const report = build();
    expect(report.sectionCount).toBe(3);
    const html = report.toHtml();
    const links = [...html.matchAll(/<li><a href="#([\w-]+)">([^<]+)<\/a><\/li>/g)].map((m) => [m[1], m[2]]);
    expect(links).toEqual([
      ['input-digits', 'Input digits'],
      ['results', 'Results'],
      ['results-2', 'Results'],
    ]);
    for (const [id] of links) expect(html.match(new RegExp(`<section id="${id}">`, 'g'))).toHaveLength(1);
    expect(html.match(/<svg /g)).toHaveLength(3);
    expect(html).toContain('<figcaption>first 8 test digits</figcaption>');
    expect(html).toContain('<p>a &lt; b</p>');
  });

  it('is one self-contained document: doctype, charset, inline style, escaped title, no script and no external URL', () => {
    const html = build().toHtml();
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html.endsWith('</html>\n')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<title>Report &lt;1&gt; &amp; &quot;2&quot;</title>');
    expect(html).toMatch(/<style>[^<]*max-width: 1100px[^<]*<\/style>/);
    expect(html).not.toMatch(/<script|<link|@import|url\(/i);
    expect(html).not.toMatch(/\b(https?:|ftp:)?\/\/[\w.-]+/);
    for (const m of html.matchAll(/\b(?:href|src)="([^"]*)"/g)) expect(m[1]).toMatch(/^(#[\w-]+|data:image\/bmp;base64,)/);
    expect(html).not.toMatch(/NaN|Infinity|undefined/);
  });

  it('renders an empty report with no contents list', () => {
    const html = new HtmlReport('empty').toHtml();
    expect(html).not.toContain('<nav');
    expect(html).toContain('<h1>empty</h1>');
  });
});
