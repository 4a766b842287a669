// Command-line handling shared by the workspace's scripts (packages/*/scripts/*.mjs).
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

/**
 * Parse the script's arguments with node:util's parseArgs (`options` as there), adding
 * `--help`/`-h`, which prints the comment block at the top of the script (its usage) and exits.
 * A bad option prints one line and the hint to use --help, and exits 2, without a stack trace;
 * an error thrown later while the script runs prints `error: message` (with an SnnError's
 * code) and exits 1. Returns `{ values, positionals }`.
 */
export function scriptArgs(scriptUrl, options, { allowPositionals = false } = {}) {
  const file = fileURLToPath(scriptUrl);
  const name = basename(file);
  process.on('uncaughtException', (error) => {
    const code = error && typeof error === 'object' && 'code' in error ? ` [${error.code}]` : '';
    console.error(`${name}: error${code}: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
  let parsed;
  try {
    parsed = parseArgs({ options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals });
  } catch (error) {
    console.error(`${name}: ${error.message.split('\n')[0]} (see --help)`);
    process.exit(2);
  }
  if (parsed.values.help) {
    const lines = readFileSync(file, 'utf8').split('\n');
    const start = lines[0].startsWith('#!') ? 1 : 0;
    const end = lines.findIndex((line, i) => i >= start && !line.startsWith('//'));
    console.log(lines.slice(start, end).map((line) => line.replace(/^\/\/ ?/, '')).join('\n'));
    process.exit(0);
  }
  return parsed;
}

/** The option `name` as a finite number, or exit 2 with a message naming it. */
export function numberOption(values, name, scriptUrl) {
  const value = Number(values[name]);
  if (!Number.isFinite(value)) {
    console.error(`${basename(fileURLToPath(scriptUrl))}: --${name} must be a number, got '${values[name]}' (see --help)`);
    process.exit(2);
  }
  return value;
}
