import { InvalidArgumentError } from 'commander';

/**
 * Parsers for numeric command-line values. Each throws commander's
 * `InvalidArgumentError`, which the program reports as bad usage (exit code 2).
 */

/** A whole number >= 1 (image counts, steps, workers). */
export function positiveInt(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`expected a whole number >= 1, got '${value}'`);
  return n;
}

/** A finite number > 0 (firing-rate scales, time constants, dt). */
export function positiveNumber(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n <= 0) throw new InvalidArgumentError(`expected a number > 0, got '${value}'`);
  return n;
}

/** A percentile: a number in (0, 100]. */
export function percentage(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n <= 0 || n > 100) throw new InvalidArgumentError(`expected a percentile in (0, 100], e.g. 99.9; got '${value}'`);
  return n;
}

/** A finite number >= 0 (target firing rates). */
export function nonNegativeNumber(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0) throw new InvalidArgumentError(`expected a number >= 0, got '${value}'`);
  return n;
}

/** Any finite number (input scale and offset). */
export function finiteNumber(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) throw new InvalidArgumentError(`expected a finite number, got '${value}'`);
  return n;
}

/** A whole number >= 0 (seeds). */
export function nonNegativeInt(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`expected a whole number >= 0, got '${value}'`);
  return n;
}

/** Collects repeated `NAME=NUMBER` values (e.g. `--scale-layer conv2d_1=50`) into a map; the number must be > 0. */
export function nameEqualsNumber(value: string, previous: Readonly<Record<string, number>> | undefined): Record<string, number> {
  const at = value.lastIndexOf('=');
  const name = at > 0 ? value.slice(0, at) : '';
  const text = at > 0 ? value.slice(at + 1) : '';
  const n = Number(text);
  if (name === '' || text.trim() === '' || !Number.isFinite(n) || n <= 0) throw new InvalidArgumentError(`expected NAME=NUMBER with a number > 0 (e.g. conv2d_1=50), got '${value}'`);
  return { ...(previous ?? {}), [name]: n };
}

/** Collects repeated `FROM=TO` or `TO` values into a list. */
export function collect(value: string, previous: readonly string[] | undefined): string[] {
  return [...(previous ?? []), value];
}
