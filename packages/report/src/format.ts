/**
 * A coordinate in px rounded to 0.1 as short text ("12.3", "40", "-0.5"), so SVG stays
 * small and never carries 15-digit floats. Non-finite values (which callers filter out
 * before drawing) become "0" rather than "NaN" in the markup.
 */
export function px(v: number): string {
  if (!Number.isFinite(v)) return '0';
  const r = Math.round(v * 10) / 10;
  return r === 0 ? '0' : String(r);
}

/**
 * A tick label for `v` on an axis whose ticks are `step` apart: as many decimals as the
 * step needs (0.25 -> "0.25", 20 -> "20"), exponent form outside 1e-4..1e6 ("1e6", "2.5e-5").
 */
export function tickLabel(v: number, step: number): string {
  if (!Number.isFinite(v)) return '';
  if (v === 0 || Math.abs(v) < Math.abs(step) * 1e-9) return '0';
  const a = Math.abs(v);
  if (a >= 1e6 || a < 1e-4) return Number(v.toPrecision(3)).toExponential().replace('e+', 'e');
  const decimals = Math.max(0, Math.min(6, -Math.floor(Math.log10(Math.abs(step)) + 1e-9)));
  return v.toFixed(decimals);
}

/** A number for a legend, a colour bar or a table: 4 significant digits at most, no exponent between 1e-3 and 1e6. */
export function compactNumber(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e6 || a < 1e-3) return Number(v.toPrecision(3)).toExponential().replace('e+', 'e');
  return String(Number(v.toPrecision(4)));
}
