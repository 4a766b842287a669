// Test-only (not exported): structural checks of chart markup.

/** Parsed facts of a chart's SVG markup, for tests. */
export interface SvgFacts {
  readonly kind: string;
  readonly marks: number;
  readonly width: number;
  readonly height: number;
  /** Elements with class "m" (data marks). */
  readonly markElements: number;
  /** Text contents of `<text>` elements. */
  readonly texts: string[];
  /** What is wrong with the markup (empty when it is well formed). */
  readonly problems: string[];
}

/** Every point a path's d attribute visits (M, L, H, V absolute; h, v relative). */
function pathPoints(d: string): [number, number][] {
  const out: [number, number][] = [];
  let x = 0;
  let y = 0;
  for (const m of d.matchAll(/([MLHVhv])([-\d. ]+)/g)) {
    const nums = m[2].trim().split(/\s+/).map(Number);
    if (m[1] === 'M' || m[1] === 'L') [x, y] = nums;
    else if (m[1] === 'H') x = nums[0];
    else if (m[1] === 'V') y = nums[0];
    else if (m[1] === 'h') x += nums[0];
    else y += nums[0];
    out.push([x, y]);
  }
  return out;
}

/**
 * Check what every chart must be (an `<svg>` with viewBox, role, title, data-plot and
 * data-marks; no NaN/Infinity/undefined; every coordinate inside the viewBox) and return its facts.
 */
export function checkChart(svg: string, kind: string): SvgFacts {
  const problems: string[] = [];
  const bad = (what: string) => problems.push(what);
  if (!svg.startsWith('<svg ') || !svg.endsWith('</svg>')) bad('not one <svg> element');
  const junk = /NaN|Infinity|undefined|null/.exec(svg);
  if (junk) bad(`contains ${junk[0]}`);
  if (!svg.includes('role="img"')) bad('no role="img"');
  if (!/<title>[^<]+<\/title>/.test(svg)) bad('no <title>');
  const head = /^<svg viewBox="0 0 ([\d.]+) ([\d.]+)"[^>]* data-plot="(\w+)" data-marks="(\d+)"/.exec(svg);
  if (!head) bad('no viewBox, data-plot or data-marks');
  const [width, height] = head ? [Number(head[1]), Number(head[2])] : [0, 0];
  if (head && head[3] !== kind) bad(`data-plot is ${head[3]}, not ${kind}`);
  const inside = (x: number, y: number, what: string) => {
    if (!(x >= 0 && x <= width && y >= 0 && y <= height)) bad(`${what} at (${x}, ${y}) is outside the viewBox ${width} x ${height}`);
  };
  for (const m of svg.matchAll(/ d="([^"]+)"/g)) for (const [x, y] of pathPoints(m[1])) inside(x, y, 'path point');
  for (const m of svg.matchAll(/<(text|rect|image)\b[^>]*? x="([-\d.]+)" y="([-\d.]+)"(?: [^>]*?width="([\d.]+)" height="([\d.]+)")?/g)) {
    inside(Number(m[2]), Number(m[3]), m[1]);
    if (m[4] !== undefined) inside(Number(m[2]) + Number(m[4]), Number(m[3]) + Number(m[5]), `${m[1]} corner`);
  }
  for (const m of svg.matchAll(/translate\(([-\d.]+) ([-\d.]+)\)/g)) inside(Number(m[1]), Number(m[2]), 'rotated text');
  for (const m of svg.matchAll(/ cx="([-\d.]+)" cy="([-\d.]+)"/g)) inside(Number(m[1]), Number(m[2]), 'circle');
  const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
  return { kind, marks: head ? Number(head[4]) : -1, width, height, markElements: (svg.match(/class="m"/g) ?? []).length, texts, problems };
}

/** The numeric tick labels of the axis whose tick label `<text>`s are anchored like `anchor` ('middle' for x, 'end' for y). */
export function tickValues(svg: string, axis: 'x' | 'y'): number[] {
  const re = axis === 'y' ? /<text x="[-\d.]+" y="[-\d.]+" dy="0.32em" text-anchor="end">([^<]+)<\/text>/g : /<text x="[-\d.]+" y="[-\d.]+" text-anchor="middle">([^<]+)<\/text>/g;
  return [...svg.matchAll(re)].map((m) => Number(m[1])).filter((v) => Number.isFinite(v));
}

/** True when v is 1, 2 or 5 times a power of ten times an integer multiple of the tick step (a "nice" tick sequence). */
export function isNiceSequence(ticks: readonly number[]): boolean {
  if (ticks.length < 2) return true;
  const step = ticks[1] - ticks[0];
  const mantissa = Number((step / 10 ** Math.floor(Math.log10(step) + 1e-9)).toPrecision(6));
  return [1, 2, 5].includes(mantissa) && ticks.every((t, i) => i === 0 || Math.abs(t - ticks[i - 1] - step) < step * 1e-6) && ticks.every((t) => Math.abs(t / step - Math.round(t / step)) < 1e-6);
}
