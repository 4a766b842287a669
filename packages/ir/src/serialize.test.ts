import { describe, expect, it } from 'vitest';
import type { Graph, Param } from './types.js';
import { GraphBuilder } from './builder.js';
import { createRng, type Rng } from './random.js';
import { serializeGraph } from './serialize.js';
import { deserializeGraph } from './deserialize.js';
import { decodeSnn, encodeSnn } from './snn-file.js';
import { SnnError } from './errors.js';
import { scalar } from './param.js';

/** Finite float32 values from random bit patterns (all exponents but 255), plus edge cases. */
function randomBits(shape: number[], rng: Rng): Param {
  const n = shape.reduce((a, b) => a * b, 1);
  const bits = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    let u: number;
    do u = (rng.int(65536) << 16) | rng.int(65536);
    while (((u >>> 23) & 0xff) === 0xff);
    bits[i] = u >>> 0;
  }
  const data = new Float32Array(bits.buffer);
  const specials = [-0, 0, 1.4e-45, -1.4e-45, 1.1754942e-38, 3.4028235e38, -3.4028235e38, 1e-40];
  specials.forEach((v, i) => i < n && (data[i] = v));
  return { shape, data };
}

function network(seed = 1): Graph {
  const rng = createRng(seed);
  const b = new GraphBuilder();
  const x = b.input('image', [8, 8, 1]);
  const c0 = b.conv(x, { id: 'conv0', kernel: randomBits([3, 3, 1, 4], rng), bias: randomBits([4], rng), strides: [2, 2], padding: 'same' });
  const r0 = b.neurons(c0, { id: 'relu0', neuronType: 'RectifiedLinear', params: { amplitude: 0.25 }, gain: scalar(-0), bias: randomBits([4, 4, 4], rng) });
  const p = b.avgPool(r0, { id: 'pool0', window: [2, 2] });
  const f = b.flatten(p, { id: 'flat', synapse: { type: 'lowpass', params: { tau: 0.005 } } });
  const a = b.affine(f, { id: 'bn', scale: randomBits([16], rng), bias: randomBits([], rng), trainable: false });
  const d = b.dense(a, { id: 'out', weights: randomBits([16, 10], rng) });
  const s = b.add([d, d], { id: 'twice', scale: 0.5, synapse: { type: 'linearFilter', arrays: { num: [1], den: [0.01, 1] } } });
  b.output(s, 'probe');
  return b.build({ metadata: { source: 'serialize.test', inputScaling: '0-1' } });
}

/** Every parameter of `g` as raw bytes, keyed `node.field`. */
function paramBytes(g: Graph): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const node of g.nodes)
    for (const [k, v] of Object.entries(node))
      if (v && typeof v === 'object' && 'data' in v) {
        const data = (v as Param).data;
        out[`${node.id}.${k}`] = [...new Uint8Array(data.buffer, data.byteOffset, data.byteLength)];
      }
  return out;
}

function expectError(fn: () => unknown, code: string, ...fragments: string[]): void {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(SnnError);
    expect((e as SnnError).code, (e as Error).message).toBe(code);
    for (const f of fragments) expect((e as Error).message).toContain(f);
    return;
  }
  throw new Error(`expected SnnError ${code}`);
}

/** Serialize, let `edit` change the parsed JSON, load again. */
function loadEdited(edit: (doc: { nodes: Record<string, unknown>[]; [k: string]: unknown }) => void): Graph {
  const { json, blob } = serializeGraph(network());
  const doc = JSON.parse(json);
  edit(doc);
  return deserializeGraph(JSON.stringify(doc), blob);
}

const nodeIn = (doc: { nodes: Record<string, unknown>[] }, id: string): Record<string, unknown> => doc.nodes.find((n) => n.id === id)!;

describe('serializeGraph / deserializeGraph', () => {
  it('round-trips bit for bit, including -0, denormals and extreme values', () => {
    const g = network();
    const { json, blob } = serializeGraph(g);
    const back = deserializeGraph(json, blob);
    expect(paramBytes(back)).toEqual(paramBytes(g));
    expect(Object.is((back.nodes[2] as { gain: Param }).gain.data[0], -0)).toBe(true);
    expect(back).toEqual(g);
    expect(serializeGraph(back).json).toBe(json);
  });

  it('writes a versioned JSON with parameter refs into a 16-byte-aligned blob', () => {
    const { json, blob } = serializeGraph(network());
    const doc = JSON.parse(json);
    expect(doc.format).toBe('snn-graph');
    expect(doc.version).toBe(1);
    expect(doc.blobByteLength).toBe(blob.length);
    const kernel = nodeIn(doc, 'conv0').kernel as { offset: number; length: number; shape: number[] };
    expect(kernel).toEqual({ offset: 0, length: 36, shape: [3, 3, 1, 4] });
    const bias = nodeIn(doc, 'conv0').bias as { offset: number };
    expect(bias.offset).toBe(144); // 36 * 4 bytes, already aligned
    const gain = nodeIn(doc, 'relu0').gain as { offset: number };
    expect(gain.offset % 16).toBe(0);
    // Little-endian float32: read the first kernel value back through a DataView.
    const first = new DataView(blob.buffer, blob.byteOffset).getFloat32(0, true);
    expect(Object.is(first, -0)).toBe(true);
  });

  it('rejects graphs that do not validate', () => {
    const g = network();
    const bad: Graph = { ...g, edges: [...g.edges, { source: 'probe', target: 'relu0' }] };
    expect(() => serializeGraph(bad)).toThrow(SnnError);
  });
});

describe('loading damaged or edited data', () => {
  it('unknown kind -> IR_UNKNOWN_KIND naming the node', () => {
    expectError(() => loadEdited((d) => (nodeIn(d, 'pool0').kind = 'pool3d')), 'IR_UNKNOWN_KIND', "node 'pool0'", "'pool3d'");
  });

  it('missing field -> IR_MISSING_FIELD naming node and field', () => {
    expectError(() => loadEdited((d) => delete nodeIn(d, 'conv0').strides), 'IR_MISSING_FIELD', "node 'conv0' (conv)", "'strides'");
    expectError(() => loadEdited((d) => delete (nodeIn(d, 'out').weights as Record<string, unknown>).offset), 'IR_MISSING_FIELD', "node 'out' (dense)", "'weights'");
  });

  it('wrong field types and unknown fields -> IR_BAD_FIELD', () => {
    expectError(() => loadEdited((d) => (nodeIn(d, 'pool0').window = '2x2')), 'IR_BAD_FIELD', "node 'pool0' (pool)", "field 'window'");
    expectError(() => loadEdited((d) => (nodeIn(d, 'conv0').stride = [1, 1])), 'IR_BAD_FIELD', "node 'conv0' (conv)", "unknown field 'stride'");
    expectError(() => loadEdited((d) => (d.edges as unknown[]).push({ source: 'x' })), 'IR_MISSING_FIELD', `edges[${network().edges.length}]`, "'target'");
  });

  it('wrong shape: length/shape disagreement -> IR_CORRUPT, shape not fitting the input -> IR_SHAPE_MISMATCH', () => {
    const ref = (d: { nodes: Record<string, unknown>[] }): { shape: number[] } => nodeIn(d, 'conv0').kernel as { shape: number[] };
    expectError(() => loadEdited((d) => (ref(d).shape = [3, 3, 1, 8])), 'IR_CORRUPT', "node 'conv0' (conv)", "field 'kernel'", '[3, 3, 1, 8]', 'length 36');
    expectError(() => loadEdited((d) => (ref(d).shape = [3, 3, 2, 2])), 'IR_SHAPE_MISMATCH', "node 'conv0' (conv)", "field 'kernel'", '[3, 3, 2, 2]');
  });

  it('NaN values -> IR_NOT_FINITE naming node and field', () => {
    const { json, blob } = serializeGraph(network());
    const offset = (JSON.parse(json).nodes.find((n: { id: string }) => n.id === 'out').weights as { offset: number }).offset;
    const edited = blob.slice();
    new DataView(edited.buffer).setFloat32(offset + 4 * 7, Number.NaN, true);
    expectError(() => deserializeGraph(json, edited), 'IR_NOT_FINITE', "node 'out' (dense)", "field 'weights'", 'NaN', 'index 7');
    // JSON writes NaN as null.
    expectError(() => loadEdited((d) => ((nodeIn(d, 'relu0').params as Record<string, unknown>).amplitude = null)), 'IR_NOT_FINITE', "node 'relu0'", "'amplitude'");
  });

  it('refs outside the blob -> IR_CORRUPT with the byte range', () => {
    const { json, blob } = serializeGraph(network());
    const doc = JSON.parse(json);
    const w = nodeIn(doc, 'out').weights as { offset: number; length: number };
    const cut = blob.subarray(0, w.offset + 100);
    expectError(
      () => deserializeGraph(json, cut),
      'IR_CORRUPT',
      `node 'out' (dense): field 'weights' refers to bytes ${w.offset}..${w.offset + w.length * 4} but the blob has ${cut.length} bytes`,
      're-export',
    );
  });

  it('format and version', () => {
    expectError(() => loadEdited((d) => (d.format = 'onnx')), 'IR_FORMAT', "'onnx'");
    expectError(() => loadEdited((d) => (d.version = 2)), 'IR_VERSION', 'version 2', 'upgrade');
    expectError(() => deserializeGraph('{"format": "snn-graph", ', new Uint8Array(0)), 'IR_FORMAT', 'does not parse');
    expectError(() => deserializeGraph('{}', new Uint8Array(0), { source: 'model.json' }), 'IR_FORMAT', 'model.json: ');
  });
});

describe('.snn files (encodeSnn / decodeSnn)', () => {
  it('round-trips bit for bit with the SNN2 layout', () => {
    const g = network(7);
    const bytes = encodeSnn(g);
    expect([...bytes.subarray(0, 4)]).toEqual([0x53, 0x4e, 0x4e, 0x32]);
    const jsonLength = new DataView(bytes.buffer).getUint32(4, true);
    const blobStart = Math.ceil((12 + jsonLength) / 16) * 16;
    const { blob } = serializeGraph(g);
    expect(bytes.length).toBe(blobStart + blob.length);
    expect([...bytes.subarray(blobStart)]).toEqual([...blob]);
    const back = decodeSnn(bytes);
    expect(paramBytes(back)).toEqual(paramBytes(g));
    expect(back).toEqual(g);
    // An ArrayBuffer and an unaligned view work too.
    expect(paramBytes(decodeSnn(bytes.slice().buffer))).toEqual(paramBytes(g));
    const shifted = new Uint8Array(bytes.length + 3);
    shifted.set(bytes, 3);
    expect(paramBytes(decodeSnn(shifted.subarray(3)))).toEqual(paramBytes(g));
  });

  it('a truncated file names the node whose parameter is cut', () => {
    const bytes = encodeSnn(network());
    expectError(() => decodeSnn(bytes.subarray(0, bytes.length - 8), { source: 'net.snn' }), 'IR_CORRUPT', 'net.snn: ', 'checksum does not match', "node 'out' (dense): field 'weights' refers to bytes");
  });

  it('bad magic, container version and header length', () => {
    const bytes = encodeSnn(network());
    const edit = (i: number, v: number): Uint8Array => {
      const b = bytes.slice();
      b[i] = v;
      return b;
    };
    expectError(() => decodeSnn(edit(0, 0x7b)), 'IR_FORMAT', "'SNN1' or 'SNN2'");
    expectError(() => decodeSnn(new Uint8Array(3)), 'IR_FORMAT', "'SNN1' or 'SNN2'");
    expectError(() => decodeSnn(edit(3, 0x33)), 'IR_VERSION', "'3'");
    expectError(() => decodeSnn(bytes.subarray(0, 40)), 'IR_CORRUPT', 'truncated');
    expectError(() => decodeSnn(bytes.subarray(0, 10)), 'IR_CORRUPT', 'fewer than its 12-byte header');
    const badUtf8 = bytes.slice();
    badUtf8[12] = 0xff;
    expectError(() => decodeSnn(badUtf8), 'IR_CORRUPT', 'UTF-8');
  });
});
