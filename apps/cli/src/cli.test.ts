import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './cli.js';
import { bufferIo } from './io.js';
import { fixtureDir } from './fixture-check/fixtures.js';

const fixtures = fixtureDir();
const lenet = join(fixtures, 'snn_lenet_avgpool_bias.h5');
const tmp = mkdtempSync(join(tmpdir(), 'snn-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function snn(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = bufferIo();
  const code = await runCli(argv, io);
  return { code, out: io.stdout(), err: io.stderr() };
}

/** Bad usage and failed runs print exactly one line, on stderr, with no stack trace. */
function expectOneLine(err: string, pattern: RegExp): void {
  const lines = err.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^snn: /);
  expect(lines[0]).toMatch(pattern);
  expect(err).not.toMatch(/\n\s+at /);
}

describe('snn --help', () => {
  it('lists the three commands and the exit codes', async () => {
    const r = await snn('--help');
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    for (const c of ['inspect', 'convert', 'evaluate']) expect(r.out).toMatch(new RegExp(`^  ${c} \\[options\\] <MODEL>`, 'm'));
    expect(r.out).toContain('Exit codes: 0 success, 1 the run failed (file, model or data problem), 2 bad usage.');
  });

  it.each([
    ['inspect', ['--json', '--inference-only']],
    ['convert', ['-o, --output <NET.snn>', '--scale <S>', '--scale-layer <NAME=S>', '--synapse <TAU>', '--neuron <TYPE>', '--input-scale <X>', '--input-offset <Y>', '--max-to-avg-pool']],
    ['evaluate', ['--data <SET>', '--limit <N>', '--steps <T>', '--mode <MODE>', '--mean-last <K>', '--workers <N>', '--json', '--scale <S>', '--synapse <TAU>']],
  ])('snn %s --help shows its usage and flags, exit 0', async (command, flags) => {
    const r = await snn(command, '--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`Usage: snn ${command} [options] <MODEL>`);
    for (const f of flags) expect(r.out).toContain(f);
  });
});

describe('bad usage: one line on stderr, exit code 2', () => {
  it.each([
    [['evaluate', lenet, '--data', 'mnist-test', '--steps', '1', '--frob'], /unknown option '--frob'/],
    [['evaluate', lenet, '--data', 'mnist-test', '--steps', '1', '--jsn'], /unknown option '--jsn' \(Did you mean --json\?\)/],
    [['evaluate', '--data', 'mnist-test', '--steps', '1'], /missing required argument 'MODEL'/],
    [['evaluate', lenet, '--data', 'mnist-test'], /--mode spiking needs --steps T, the time steps per image \(e\.g\. --steps 50\); rate mode runs the ANN in one step$/],
    [['evaluate', lenet, '--steps', '1'], /required option '--data <SET>' not specified/],
    [['evaluate', lenet, '--data', 'cifar', '--steps', '1'], /argument 'cifar' is invalid/],
    [['evaluate', lenet, '--data', 'mnist-test', '--steps', 'ten'], /'--steps <T>' argument 'ten' is invalid\. expected a whole number >= 1/],
    [['evaluate', lenet, '--data', 'mnist-test', '--steps', '0'], /expected a whole number >= 1, got '0'/],
    [['evaluate', lenet, '--data', 'mnist-test', '--steps', '2.5'], /expected a whole number >= 1, got '2.5'/],
    [['evaluate', lenet, '--data', 'mnist-test', '--steps', '3', '--mean-last', '4'], /--mean-last 4 is more than --steps 3/],
    [['evaluate', lenet, '--data', 'mnist-test', '--steps', '1', '--mode', 'fast'], /'--mode <MODE>' argument 'fast' is invalid/],
    [['convert', lenet, '-o', join(tmp, 'x.snn'), '--scale', 'lots'], /'--scale <S>' argument 'lots' is invalid\. expected a number > 0/],
    [['convert', lenet, '-o', join(tmp, 'x.snn'), '--scale', '2', '--scale-layer', 'conv2d_1=3'], /option '--scale <S>' cannot be used with option '--scale-layer <NAME=S>'/],
    [['convert', lenet, '-o', join(tmp, 'x.snn'), '--scale-layer', 'conv2d_1'], /expected NAME=NUMBER/],
    [['convert', lenet, '-o', join(tmp, 'x.snn'), '--input-scale', 'NaN'], /expected a finite number, got 'NaN'/],
    [['convert', lenet, '-o', join(tmp, 'x.snn'), '--neuron', 'Sparkly'], /--neuron 'Sparkly': give a neuron type \(RectifiedLinear, /],
    [['convert', lenet, '-o', join(tmp, 'x.snn'), '--neuron-layer', 'LIF'], /--neuron-layer 'LIF': give a neuron type \(RectifiedLinear, .*\) as NAME=TYPE$/],
    [['convert', lenet, '-o', join(tmp, 'x.snn'), '--neuron-layer', 'conv2d_1=Sparkly'], /--neuron-layer 'conv2d_1=Sparkly': give a neuron type/],
    [['convert', lenet, '-o', join(tmp, 'x.snn'), '--synapse-layer', 'conv2d_1=-1'], /'--synapse-layer <NAME=TAU>' argument 'conv2d_1=-1' is invalid\. expected NAME=NUMBER with a number > 0/],
    [['convert', lenet], /required option '-o, --output <NET.snn>' not specified/],
    [['convert', lenet, 'extra', '-o', join(tmp, 'x.snn')], /too many arguments/],
    [['evalute'], /unknown command 'evalute' \(Did you mean evaluate\?\)/],
  ])('snn %j', async (argv, message) => {
    const r = await snn(...argv);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expectOneLine(r.err, message);
    expect(readdirSync(tmp)).toEqual([]);
  });
});

describe('failed runs: the SnnError code and message on one line, exit code 1', () => {
  it('a missing model file', async () => {
    const r = await snn('evaluate', join(tmp, 'nothing.h5'), '--data', 'mnist-test', '--steps', '1');
    expect(r.code).toBe(1);
    expectOneLine(r.err, /^snn: CLI_FILE: model file .*nothing\.h5 does not exist; check the path$/);
  });

  it('a file that is no model', async () => {
    const r = await snn('inspect', join(fixtures, 'README.md'));
    expect(r.code).toBe(1);
    expectOneLine(r.err, /^snn: KERAS_UNKNOWN_FORMAT: README\.md: not a model file/);
  });

  it('a layer name the model does not have', async () => {
    const r = await snn('convert', lenet, '-o', join(tmp, 'named.snn'), '--scale-layer', 'conv9=2');
    expect(r.code).toBe(1);
    expectOneLine(r.err, /^snn: KERAS_BAD_OPTION: option scaleFiringRates names layer 'conv9', which the model does not have; layers: conv2d_1, /);
    expect(existsSync(join(tmp, 'named.snn'))).toBe(false);
  });

  it('an output folder that does not exist', async () => {
    const r = await snn('convert', lenet, '-o', join(tmp, 'no', 'such', 'dir', 'net.snn'));
    expect(r.code).toBe(1);
    expectOneLine(r.err, /^snn: CLI_WRITE: cannot write .*net\.snn: its folder does not exist/);
  });

  it('--architecture with an .snn network is bad usage (exit 2): the network holds its architecture', async () => {
    const net = join(tmp, 'flags.snn');
    expect((await snn('convert', lenet, '-o', net)).code).toBe(0);
    const r = await snn('evaluate', net, '--data', 'mnist-test', '--mode', 'rate', '--architecture', lenet);
    expect(r.code).toBe(2);
    expectOneLine(r.err, /--architecture applies to weights-only Keras \.h5 files, but .*flags\.snn is an \.snn network \(it holds its architecture\); drop --architecture$/);
    rmSync(net);
  });

  it('a layer name an .snn network does not have names the layers it has', async () => {
    const net = join(tmp, 'named2.snn');
    expect((await snn('convert', lenet, '-o', net)).code).toBe(0);
    const r = await snn('convert', net, '-o', join(tmp, 'named3.snn'), '--scale-layer', 'conv9=2');
    expect(r.code).toBe(1);
    expectOneLine(r.err, /^snn: KERAS_BAD_OPTION: option scaleFiringRates names layer 'conv9', which the model does not have; layers: conv2d_1, /);
    expect(readdirSync(tmp)).toEqual(['named2.snn']);
    rmSync(net);
  });
});

describe('snn convert of a damaged model', () => {
  it.each([
    ['cut to 20,000 bytes', 20000, /^snn: KERAS_TRUNCATED: .*the file is truncated: it has 20000 bytes but its HDF5 header says it has \d+ bytes/],
    ['cut to 1,000 bytes', 1000, /^snn: KERAS_TRUNCATED: /],
    ['cut to 5 bytes', 5, /^snn: KERAS_(TRUNCATED|UNKNOWN_FORMAT): /],
  ])('%s: exits 1 with a clear message and writes no file', async (_, bytes, message) => {
    const { readFileSync } = await import('node:fs');
    const damaged = join(tmp, `damaged-${bytes}.h5`);
    writeFileSync(damaged, readFileSync(lenet).subarray(0, bytes));
    const out = join(tmp, `damaged-${bytes}.snn`);
    const r = await snn('convert', damaged, '-o', out);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expectOneLine(r.err, message);
    expect(readdirSync(tmp).sort()).toEqual([`damaged-${bytes}.h5`]); // no output, no temporary file
    rmSync(damaged);
  });
});

describe('--verbose', () => {
  it('a failed run prints one line and exits 1; with --verbose it adds the stack trace', async () => {
    const missing = join(tmp, 'no-such-model.h5');
    const plain = await snn('inspect', missing);
    expect(plain.code).toBe(1);
    expectOneLine(plain.err, /no-such-model\.h5/);
    const verbose = await snn('--verbose', 'inspect', missing);
    expect(verbose.code).toBe(1);
    expect(verbose.err.split('\n')[0]).toBe(plain.err.trimEnd());
    expect(verbose.err).toMatch(/\n\s+at /);
  });

  it('bad usage stays one line with --verbose (exit 2)', async () => {
    const r = await snn('--verbose', 'evaluate', lenet, '--steps', 'many');
    expect(r.code).toBe(2);
    expectOneLine(r.err, /--steps/);
  });
});
