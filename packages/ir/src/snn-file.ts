import type { Graph } from './types.js';
import { SnnError } from './errors.js';
import { irError } from './error-codes.js';
import { plural } from './describe.js';
import { align, serializeGraph } from './serialize.js';
import { deserializeGraph, type LoadOptions } from './deserialize.js';
import { crc32 } from './crc32.js';

const MAGIC = [0x53, 0x4e, 0x4e]; // 'SNN', then the container version '1' or '2'
const V1 = 0x31;
const V2 = 0x32;
const HEADER_V1 = 8; // magic + uint32 LE JSON byte length
const HEADER_V2 = 12; // ... + uint32 LE CRC-32 of every other byte of the file

/**
 * Encode a graph as one `.snn` file (container version 2): the bytes `SNN2`, the JSON's byte
 * length (uint32 little-endian), the CRC-32 of every other byte of the file (the first 8, then
 * all after this 12-byte header; uint32 little-endian), the UTF-8 JSON of {@link serializeGraph}, zero padding to a 16-byte
 * boundary, then the blob (little-endian float32 parameters). The checksum lets
 * {@link decodeSnn} refuse a file damaged after it was written (truncated, bytes changed).
 */
export function encodeSnn(graph: Graph): Uint8Array {
  const { json, blob } = serializeGraph(graph);
  const text = new TextEncoder().encode(json);
  const blobStart = align(HEADER_V2 + text.length);
  const out = new Uint8Array(blobStart + blob.length);
  out.set([...MAGIC, V2], 0);
  out.set(text, HEADER_V2);
  out.set(blob, blobStart);
  const view = new DataView(out.buffer);
  view.setUint32(4, text.length, true);
  view.setUint32(8, checksum(out), true);
  return out;
}

/**
 * Decode a `.snn` file written by {@link encodeSnn} (container version 2, checksummed, or the
 * older version 1 without a checksum), validating everything as {@link deserializeGraph}
 * does. Wrong magic: `IR_FORMAT`; another container version: `IR_VERSION`; a header running
 * past the end, invalid UTF-8 or a checksum that does not match the bytes: `IR_CORRUPT`
 * (nothing of a damaged file is returned). With `options.source` every message starts with it.
 */
export function decodeSnn(bytes: Uint8Array | ArrayBuffer, options: LoadOptions = {}): Graph {
  const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const prefix = options.source === undefined ? '' : `${options.source}: `;
  const fail = (code: 'IR_FORMAT' | 'IR_VERSION' | 'IR_CORRUPT', msg: string, cause?: unknown): never => {
    throw irError(code, options.source, prefix + msg, cause);
  };
  if (data.length < HEADER_V1 || data[0] !== MAGIC[0] || data[1] !== MAGIC[1] || data[2] !== MAGIC[2]) {
    fail('IR_FORMAT', `not an .snn file: it does not start with 'SNN1' or 'SNN2' (${plural(data.length, 'byte')}); load a file written by encodeSnn`);
  }
  if (data[3] !== V1 && data[3] !== V2) {
    fail('IR_VERSION', `the .snn container is version '${String.fromCharCode(data[3])}' but this @snn/ir reads '1' and '2'; upgrade @snn/ir or re-export the file`);
  }
  const header = data[3] === V2 ? HEADER_V2 : HEADER_V1;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (data.length < header) fail('IR_CORRUPT', `the file has ${plural(data.length, 'byte')}, fewer than its ${header}-byte header; the file is truncated — re-export it`);
  const jsonLength = view.getUint32(4, true);
  const damaged = header === HEADER_V2 && view.getUint32(8, true) !== checksum(data);
  if (header + jsonLength > data.length) {
    fail('IR_CORRUPT', `the header announces ${plural(jsonLength, 'byte')} of JSON but the file has only ${data.length - header} after the header; the file is truncated — re-export it`);
  }
  let json = '';
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(data.subarray(header, header + jsonLength));
  } catch (e) {
    fail('IR_CORRUPT', 'the JSON header is not valid UTF-8; the file is damaged — re-export it', e);
  }
  const blobStart = Math.min(align(header + jsonLength), data.length);
  let graph: Graph | undefined;
  let problem: unknown;
  try {
    graph = deserializeGraph(json, data.subarray(blobStart), options);
  } catch (e) {
    if (!damaged && e instanceof SnnError) throw e;
    problem = e;
  }
  if (damaged) {
    const detail = problem instanceof SnnError ? ` (${problem.message.slice(prefix.length)})` : '';
    return fail('IR_CORRUPT', `the file is damaged: its checksum does not match its bytes, so it was truncated or changed after it was written${detail}; re-export it or restore a copy`, problem);
  }
  if (graph === undefined) return fail('IR_CORRUPT', `could not read the file (${String(problem)})`, problem);
  return graph;
}

/** The CRC-32 a version 2 file stores: of every byte but the checksum's own four. */
function checksum(file: Uint8Array): number {
  return crc32(file.subarray(0, 8), file.subarray(HEADER_V2));
}
