import { fork } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FormatName } from './formats.js';
import type { CaseResult, RunRequest } from './protocol.js';

/** Options of {@link runFuzz}. */
export interface FuzzOptions {
  readonly format: FormatName;
  readonly cases: number;
  readonly seed: number;
  /** Child processes running cases at once (default 2). */
  readonly workers?: number;
  /** A case still running after this long is a hang: its child is killed (default 10 s). */
  readonly hangMs?: number;
}

/** A case that ended the child process (crash, abort) or never ended (hang). */
export interface LostCase {
  readonly index: number;
  readonly what: 'crash' | 'hang';
  readonly detail: string;
}

/** Everything a fuzz run saw. */
export interface FuzzReport {
  readonly format: FormatName;
  readonly seed: number;
  readonly results: readonly CaseResult[];
  readonly lost: readonly LostCase[];
  /** Files the children created in their working and temporary directories (must be none). */
  readonly filesWritten: readonly string[];
  readonly wallMs: number;
}

/** The compiled child script (tests run from `src`, the child always from `dist`). */
function childScript(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  return join(here, '..', 'dist', 'child.js');
}

/**
 * Run `cases` seeded fuzz cases of one format in child processes, each child a fresh Node
 * process with its own working and temporary directory. A child that dies (crash, abort)
 * or stays silent longer than `hangMs` loses its current case, which is reported, and a
 * new child continues with the next case.
 */
export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const started = performance.now();
  const workers = Math.max(1, Math.min(options.workers ?? 2, options.cases));
  const sandbox = mkdtempSync(join(tmpdir(), 'snn-fuzz-'));
  const results: CaseResult[] = [];
  const lost: LostCase[] = [];
  const per = Math.ceil(options.cases / workers);
  const ranges = Array.from({ length: workers }, (_, w) => [w * per, Math.min(options.cases, (w + 1) * per)] as const).filter(([a, b]) => b > a);
  try {
    await Promise.all(
      ranges.map(async ([start, end], w) => {
        let next = start;
        while (next < end) {
          const outcome = await runChild({ format: options.format, seed: options.seed, start: next, end }, join(sandbox, `w${w}-${next}`), options.hangMs ?? 10_000, (r) => results.push(r));
          next = outcome.next;
          if (outcome.lost) {
            lost.push(outcome.lost);
            next++;
          }
        }
      }),
    );
    const filesWritten = readdirSync(sandbox, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => join(d.parentPath, d.name));
    return { format: options.format, seed: options.seed, results: results.sort((a, b) => a.index - b.index), lost, filesWritten, wallMs: performance.now() - started };
  } finally {
    rmSync(sandbox, { recursive: true, force: true });
  }
}

function runChild(request: RunRequest, dir: string, hangMs: number, onResult: (r: CaseResult) => void): Promise<{ next: number; lost?: LostCase }> {
  const cwd = join(dir, 'cwd');
  const tmp = join(dir, 'tmp');
  for (const d of [cwd, tmp]) mkdirSync(d, { recursive: true }); // fresh, empty
  return new Promise((resolve) => {
    const child = fork(childScript(), [], { cwd, env: { ...process.env, TMPDIR: tmp }, stdio: ['ignore', 'ignore', 'pipe', 'ipc'], execArgv: [] });
    let next = request.start;
    let stderr = '';
    let finished = false;
    let timer: NodeJS.Timeout | undefined;
    const arm = (): void => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        finished = true;
        child.kill('SIGKILL');
        resolve({ next, lost: { index: next, what: 'hang', detail: `no answer in ${hangMs} ms` } });
      }, hangMs);
    };
    child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
    child.on('message', (m: CaseResult | 'done') => {
      if (m === 'done') {
        finished = true;
        clearTimeout(timer);
        resolve({ next: request.end });
        return;
      }
      onResult(m);
      next = m.index + 1;
      arm();
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (finished) return;
      finished = true;
      if (next >= request.end) resolve({ next });
      else resolve({ next, lost: { index: next, what: 'crash', detail: `exit ${code ?? signal}: ${stderr.trim().split('\n').slice(-3).join(' | ')}` } });
    });
    arm();
    child.send(request);
  });
}
