import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createRng, decodeSnn, type Graph } from '@snn/ir';
import { loadCheckpoint } from '@snn/train/node';
import { fixtureDir } from './fixture-check/fixtures.js';
import { runCli } from './cli.js';
import { bufferIo } from './io.js';

/*
 * Saves survive SIGKILL at random moments (issue 22). Each run starts a real process, kills it
 * after a seeded random delay (uniform over the time a whole run takes, so some kills land
 * before, some during, some after the write) and checks the file it was writing: the old file
 * byte for byte, or the new one whole (byte-equal to an uninterrupted run's), nothing else;
 * temporary files a kill left are removed by the next write of the same file.
 * KILL_RUNS=200 runs 200 kills per kind (by hand; CI runs fewer), KILL_SEED changes the delays.
 */
const bin = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const dist = (path: string): string => fileURLToPath(new URL(`../../../${path}`, import.meta.url));
const reportModule = dist('packages/report/dist/node.js');
const trainNode = dist('packages/train/dist/node/index.js');
const irModule = dist('packages/ir/dist/index.js');
const cliWriter = fileURLToPath(new URL('../dist/atomic-write.js', import.meta.url));
const lenet = join(fixtureDir(), 'snn_lenet5_channels_first_k224.h5');
const full = process.env.KILL_RUNS === undefined ? undefined : Number(process.env.KILL_RUNS);
const runs = (ci: number): number => full ?? ci;
const seed = Number(process.env.KILL_SEED ?? 22);
const TRAIN = ['--limit', '200', '--test-limit', '100', '--batch', '50'];

interface Exit {
  readonly killed: boolean;
  readonly code: number | null;
  readonly ms: number;
}

/** Run `node args`; SIGKILL it after `killAfterMs` (never when undefined). */
function run(args: readonly string[], cwd: string, killAfterMs?: number): Promise<Exit> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...args], { cwd, stdio: 'ignore' });
    const timer = killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ killed: signal === 'SIGKILL', code, ms: performance.now() - started });
    });
  });
}

/** Names in `dir` that are temporary files of `writeFileAtomic`. */
const temps = (dir: string): string[] => readdirSync(dir).filter((n) => n.endsWith('.tmp'));

const same = (a: Uint8Array, b: Uint8Array): boolean => Buffer.compare(a, b) === 0;

/** Every parameter of a graph as bytes, in node order (metadata such as the model's path aside). */
function params(g: Graph): Buffer {
  const parts: Buffer[] = [];
  for (const node of g.nodes)
    for (const v of Object.values(node)) if (v && typeof v === 'object' && 'data' in v) parts.push(Buffer.from((v as { data: Float32Array }).data.buffer));
  return Buffer.concat(parts);
}

/** Tally of what the kills found. */
class Outcomes {
  readonly counts: Record<string, number> = {};
  add(what: string): void {
    this.counts[what] = (this.counts[what] ?? 0) + 1;
  }
  toString(): string {
    return Object.entries(this.counts).map(([k, v]) => `${k} ${v}`).join(', ');
  }
}

/** The old content and two new ones for `file`: two converted networks (encoded .snn), or two reports. */
async function contentsFor(file: string, dir: string): Promise<[Buffer, Buffer, Buffer]> {
  if (file === 'report.html') {
    const html = (tag: string): Buffer => Buffer.from(`<!doctype html><title>${tag}</title>` + `<p>${tag} `.repeat(400_000) + '</html>');
    return [html('OLD'), html('A'), html('B')];
  }
  const nets: Buffer[] = [];
  for (const synapse of ['0.001', '0.002', '0.003']) {
    expect((await run([bin, 'convert', lenet, '--synapse', synapse, '-o', 'n.snn'], dir)).code).toBe(0);
    nets.push(readFileSync(join(dir, 'n.snn')));
  }
  rmSync(join(dir, 'n.snn'));
  return [nets[0], nets[1], nets[2]];
}

/** True when `now` is one of the driver's new contents, whole: byte-equal (a checkpoint: its parameters, with an epoch counter). */
function wholeNew(file: string, now: Buffer, a: Buffer, b: Buffer): boolean {
  if (file !== 'ck.snn') return same(now, a) || same(now, b);
  const g = decodeSnn(now, { source: file });
  const p = params(g);
  return typeof (g.metadata?.training as { epoch?: number } | undefined)?.epoch === 'number' && (p.equals(params(decodeSnn(a))) || p.equals(params(decodeSnn(b))));
}

/** Run one whole process, then check that no temporary file of `file` is left in `dir`. */
async function cleanedByNextRun(dir: string, args: readonly string[]): Promise<void> {
  const r = await run(args, dir);
  expect(r.code).toBe(0);
  expect(temps(dir)).toEqual([]);
}

describe.sequential('SIGKILL during saves never leaves a corrupt file (issue 22)', () => {
  it(`snn convert -o: old file intact or new file whole (${runs(10)} kills)`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kill-convert-'));
    const convert = ['convert', lenet, '-o', 'out.snn'];
    expect((await run([bin, ...convert, '--synapse', '0.005'], dir)).code).toBe(0);
    const old = readFileSync(join(dir, 'out.snn'));
    const whole = await run([bin, ...convert], dir);
    expect(whole.code).toBe(0);
    const fresh = readFileSync(join(dir, 'out.snn'));
    expect(same(old, fresh)).toBe(false);
    expect(decodeSnn(fresh).nodes.length).toBeGreaterThan(0);
    const rng = createRng(seed);
    const seen = new Outcomes();
    for (let i = 0; i < runs(10); i++) {
      writeFileSync(join(dir, 'out.snn'), old);
      const r = await run([bin, ...convert], dir, rng.next() * whole.ms * 1.1);
      const now = readFileSync(join(dir, 'out.snn'));
      if (same(now, old)) seen.add('old intact');
      else {
        expect(same(now, fresh), `kill ${i}: out.snn is neither the old file nor the whole new one`).toBe(true);
        decodeSnn(now, { source: 'out.snn' });
        seen.add('new whole');
      }
      if (!r.killed) seen.add('finished first');
      if (temps(dir).length > 0) seen.add('temp left');
    }
    console.log(`convert: ${seen}`);
    await cleanedByNextRun(dir, [bin, ...convert]);
    rmSync(dir, { recursive: true, force: true });
  }, 600_000);

  it(`snn train --checkpoint: old checkpoint intact or a whole one; --resume after a kill ends bit-equal to an uninterrupted run (${runs(6)} kills)`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kill-train-'));
    const train = ['train', 'keras-to-snn', '--epochs', '3', ...TRAIN, '--checkpoint', 'ck.snn', '-o', 'net.snn'];
    expect((await run([bin, 'train', 'keras-to-snn', '--epochs', '1', '--seed', '5', ...TRAIN, '--checkpoint', 'ck.snn', '-o', 'other.snn'], dir)).code).toBe(0);
    const old = readFileSync(join(dir, 'ck.snn'));
    // An uninterrupted run, timing when its first checkpoint replaces the old one (start-up
    // takes most of a short run: kills are spread from shortly before that moment to the end).
    const oldInode = statSync(join(dir, 'ck.snn')).ino;
    let firstCheckpoint = Number.NaN;
    const started = performance.now();
    const watch = setInterval(() => {
      if (Number.isNaN(firstCheckpoint) && statSync(join(dir, 'ck.snn')).ino !== oldInode) firstCheckpoint = performance.now() - started;
    }, 5);
    const whole = await run([bin, ...train], dir);
    clearInterval(watch);
    expect(whole.code).toBe(0);
    expect(firstCheckpoint).toBeGreaterThan(0);
    const finalParams = params(decodeSnn(readFileSync(join(dir, 'net.snn'))));
    const from = 0.8 * firstCheckpoint;
    const rng = createRng(seed + 1);
    const seen = new Outcomes();
    let resumes = 0;
    for (let i = 0; i < runs(6); i++) {
      writeFileSync(join(dir, 'ck.snn'), old);
      rmSync(join(dir, 'net.snn'), { force: true });
      const r = await run([bin, ...train], dir, from + rng.next() * (whole.ms * 1.1 - from));
      const now = readFileSync(join(dir, 'ck.snn'));
      if (existsSync(join(dir, 'net.snn'))) expect(params(decodeSnn(readFileSync(join(dir, 'net.snn'))))).toEqual(finalParams);
      if (!r.killed) seen.add('finished first');
      if (temps(dir).length > 0) seen.add('temp left');
      if (same(now, old)) {
        seen.add('old intact');
        continue;
      }
      const { info } = loadCheckpoint(join(dir, 'ck.snn'));
      expect([1, 2, 3]).toContain(info.epoch);
      seen.add(`new whole (epoch ${info.epoch})`);
      // Resume from what the kill left (up to 2 times in CI, 20 with KILL_RUNS).
      if (info.epoch === 3 || resumes >= (full === undefined ? 2 : 20)) continue;
      copyFileSync(join(dir, 'ck.snn'), join(dir, 'resume.snn'));
      const resumed = await run([bin, 'train', '--resume', 'resume.snn', '--epochs', '3', ...TRAIN, '-o', 'resumed.snn'], dir);
      expect(resumed.code).toBe(0);
      expect(params(decodeSnn(readFileSync(join(dir, 'resumed.snn'))))).toEqual(finalParams);
      resumes++;
    }
    console.log(`train --checkpoint: ${seen}; ${resumes} resumes bit-equal to the uninterrupted run`);
    await cleanedByNextRun(dir, [bin, ...train]);
    rmSync(dir, { recursive: true, force: true });
  }, 900_000);

  it('snn train --resume continues from the checkpoint a kill left, ending bit-equal to an uninterrupted run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kill-resume-'));
    const train = ['train', 'keras-to-snn', '--epochs', '3', ...TRAIN, '--checkpoint', 'ck.snn', '-o', 'net.snn'];
    expect((await run([bin, ...train], dir)).code).toBe(0);
    const finalParams = params(decodeSnn(readFileSync(join(dir, 'net.snn'))));
    rmSync(join(dir, 'ck.snn'));
    // Kill as soon as the first checkpoint is there (polled every 5 ms).
    const child = spawn(process.execPath, [bin, ...train], { cwd: dir, stdio: 'ignore' });
    const exited = new Promise<string | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    while (!existsSync(join(dir, 'ck.snn')) && child.exitCode === null) await new Promise((r) => setTimeout(r, 5));
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    const { info } = loadCheckpoint(join(dir, 'ck.snn'));
    expect(info.epoch).toBeLessThan(3);
    const resumed = await run([bin, 'train', '--resume', 'ck.snn', '--epochs', '3', ...TRAIN, '-o', 'resumed.snn'], dir);
    expect(resumed.code).toBe(0);
    const back = decodeSnn(readFileSync(join(dir, 'resumed.snn')));
    expect((back.metadata?.training as { epoch: number }).epoch).toBe(3);
    expect(params(back)).toEqual(finalParams);
    rmSync(dir, { recursive: true, force: true });
  }, 300_000);

  /*
   * A write takes milliseconds of a run that takes a second, so kills of whole runs seldom land
   * inside one. Here a driver process calls the writer the command uses in a loop, alternating
   * two new contents, so most random kills land inside a write (see 'temp left').
   */
  const writers = [
    { name: 'snn convert\'s writer (apps/cli writeFileAtomic of an encoded .snn)', module: cliWriter, call: 'writeFileAtomic(file, bytes)', file: 'net.snn' },
    { name: 'saveCheckpoint (snn train --checkpoint)', module: trainNode, call: 'saveCheckpoint(file, decodeSnn(bytes), { epoch: i })', file: 'ck.snn' },
    { name: 'writeReport (the keras-to-snn / keras-to-loihi --out report)', module: reportModule, call: 'writeReport(file, new TextDecoder().decode(bytes))', file: 'report.html' },
  ] as const;
  for (const w of writers) {
    it(`${w.name}: old file intact or a whole new one (${runs(25)} kills of a driver writing in a loop)`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'kill-writer-'));
      const [old, a, b] = await contentsFor(w.file, dir);
      writeFileSync(join(dir, 'a.bin'), a);
      writeFileSync(join(dir, 'b.bin'), b);
      const driver = join(dir, 'driver.mjs');
      writeFileSync(
        driver,
        `import { readFileSync } from 'node:fs';\nimport * as m from ${JSON.stringify(w.module)};\nimport { decodeSnn } from ${JSON.stringify(irModule)};\n` +
          `const { ${w.call.slice(0, w.call.indexOf('('))}: write } = m;\nconst file = ${JSON.stringify(w.file)};\n` +
          `const inputs = [readFileSync('a.bin'), readFileSync('b.bin')];\nconst n = Number(process.argv[2] ?? Infinity);\n` +
          `for (let i = 1; i <= n; i++) { const bytes = inputs[i % 2]; ${w.call.replace(/^\w+/, 'write')}; }\n`,
      );
      const rng = createRng(seed + 2);
      const seen = new Outcomes();
      for (let i = 0; i < runs(25); i++) {
        writeFileSync(join(dir, w.file), old);
        const r = await run([driver], dir, 150 + rng.next() * 500);
        expect(r.killed).toBe(true);
        const now = readFileSync(join(dir, w.file));
        if (same(now, old)) seen.add('old intact');
        else {
          expect(wholeNew(w.file, now, a, b), `kill ${i}: ${w.file} is neither the old file nor a whole new one (${now.length} bytes)`).toBe(true);
          seen.add('new whole');
        }
        if (temps(dir).length > 0) seen.add('temp left');
      }
      console.log(`${w.name}: ${seen}`);
      await cleanedByNextRun(dir, [driver, '1']);
      rmSync(dir, { recursive: true, force: true });
    }, 600_000);
  }
});

describe('a damaged .snn file is refused by every command, naming the file (issue 22)', () => {
  it('truncated or with one flipped byte: inspect, evaluate, convert and train --resume exit 1 with one line, write nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'damaged-'));
    const good = join(dir, 'good.snn');
    expect(await runCli(['train', 'keras-to-snn', '--epochs', '1', ...TRAIN, '-o', good], bufferIo())).toBe(0);
    const bytes = readFileSync(good);
    const flipped = Buffer.from(bytes);
    flipped[bytes.length - 3] ^= 0x10; // inside the last weight: only the checksum sees it
    writeFileSync(join(dir, 'flipped.snn'), flipped);
    writeFileSync(join(dir, 'cut.snn'), bytes.subarray(0, Math.floor(bytes.length / 2)));
    for (const name of ['flipped.snn', 'cut.snn']) {
      const file = join(dir, name);
      for (const argv of [['inspect', file], ['evaluate', file, '--data', 'mnist-test', '--limit', '10', '--mode', 'rate'], ['convert', file, '-o', join(dir, 'out.snn')], ['train', '--resume', file, '--epochs', '2', ...TRAIN, '-o', join(dir, 'out.snn')]]) {
        const io = bufferIo();
        expect(await runCli(argv, io), argv.join(' ')).toBe(1);
        expect(io.stderr()).toMatch(new RegExp(`^snn: IR_CORRUPT: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: [^\n]*(checksum does not match|truncated)[^\n]*\n$`));
      }
    }
    expect(readdirSync(dir).sort()).toEqual(['cut.snn', 'flipped.snn', 'good.snn']);
    rmSync(dir, { recursive: true, force: true });
  }, 120_000);
});
