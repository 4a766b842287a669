import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
// from src/testing (tests) and dist/testing alike: the package's dist/main.js
const main = fileURLToPath(new URL('../../dist/main.js', import.meta.url));

/** One row of the walkthrough's `--json` line (tests). */
export interface JsonStage {
  stage: string;
  name: string;
  mode: 'rate' | 'spiking';
  steps: number;
  accuracy: number;
  meanRateHz: Record<string, number>;
  maxRateHz: Record<string, number>;
  synopsPerImage: number;
}

/** The walkthrough's `--json` line (tests). */
export interface JsonSummary {
  net: string;
  ann: { accuracy: number };
  stages: JsonStage[];
  report: string;
}

/** Run the built walkthrough (dist/main.js) with `args` (tests); resolves to its exit code, stdout, stderr and the parsed --json line. */
export async function walkthrough(args: string[]): Promise<{ code: number; stdout: string; stderr: string; json?: JsonSummary }> {
  return runWalkthroughMain<JsonSummary>(main, args);
}

/** Run a built walkthrough's `main` script with `args` in a child process (tests); resolves to its exit code, stdout, stderr and the parsed --json line (the last line of stdout, when it is JSON). */
export async function runWalkthroughMain<J>(mainPath: string, args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string; json?: J }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [mainPath, ...args], { maxBuffer: 64 << 20, timeout: 600_000 });
    const last = stdout.trimEnd().split('\n').pop() ?? '';
    return { code: 0, stdout, stderr, ...(last.startsWith('{') ? { json: JSON.parse(last) as J } : {}) };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: err.code ?? -1, stdout: err.stdout ?? '', stderr: err.stderr ?? '' };
  }
}
