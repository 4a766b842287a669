import { runCli } from '../cli.js';
import { bufferIo } from '../io.js';

/** Run `snn` in this process (tests): its exit code, stdout and stderr. */
export async function runSnn(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = bufferIo();
  const code = await runCli(argv, io);
  return { code, out: io.stdout(), err: io.stderr() };
}

/** The last line of `out` parsed as JSON (the `--json` summary). */
export function lastJsonLine<T>(out: string): T {
  return JSON.parse(out.trimEnd().split('\n').pop() as string) as T;
}
