import type { Graph } from './types.js';
import { SnnError } from './errors.js';
import { irError } from './error-codes.js';
import { plural } from './describe.js';
import { align, serializeGraph } from './serialize.js';
import { deserializeGraph, type LoadOptions } from './deserialize.js';

const MAGIC = [0x53, 0x4e, 0x4e, 0x31]; // 'SNN1'
const HEADER = 8; // magic + uint32 LE JSON byte length

/**
 * Encode a graph as one `.snn` file: the bytes `SNN1`, the JSON's byte length (uint32
 * little-endian), the UTF-8 JSON of {@link serializeGraph}, zero padding to a 16-byte
 * boundary, then the blob (little-endian float32 parameters).
 */
export function encodeSnn(graph: Graph): Uint8Array {
  const { json, blob } = serializeGraph(graph);
  const text = new TextEncoder().encode(json);
  const blobStart = align(HEADER + text.length);
  const out = new Uint8Array(blobStart + blob.length);
  out.set(MAGIC, 0);
  new DataView(out.buffer).setUint32(4, text.length, true);
  out.set(text, HEADER);
  out.set(blob, blobStart);
  return out;
}

/**
 * Decode a `.snn` file written by {@link encodeSnn}, validating everything as
 * {@link deserializeGraph} does. Wrong magic: `IR_FORMAT`; another container version:
 * `IR_VERSION`; a header running past the end or invalid UTF-8: `IR_CORRUPT`.
 */
export function decodeSnn(bytes: Uint8Array | ArrayBuffer, options: LoadOptions = {}): Graph {
  const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const prefix = options.source === undefined ? '' : `${options.source}: `;
  const fail = (code: 'IR_FORMAT' | 'IR_VERSION' | 'IR_CORRUPT', msg: string, cause?: unknown): never => {
    throw irError(code, options.source, prefix + msg, cause);
  };
  if (data.length < HEADER || data[0] !== MAGIC[0] || data[1] !== MAGIC[1] || data[2] !== MAGIC[2]) {
    fail('IR_FORMAT', `not an .snn file: it does not start with 'SNN1' (${plural(data.length, 'byte')}); load a file written by encodeSnn`);
  }
  if (data[3] !== MAGIC[3]) {
    fail('IR_VERSION', `the .snn container is version '${String.fromCharCode(data[3])}' but this @snn/ir reads '1'; upgrade @snn/ir or re-export the file`);
  }
  const jsonLength = new DataView(data.buffer, data.byteOffset, data.byteLength).getUint32(4, true);
  if (HEADER + jsonLength > data.length) {
    fail('IR_CORRUPT', `the header announces ${plural(jsonLength, 'byte')} of JSON but the file has only ${data.length - HEADER} after the header; the file is truncated — re-export it`);
  }
  let json = '';
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(data.subarray(HEADER, HEADER + jsonLength));
  } catch (e) {
    fail('IR_CORRUPT', 'the JSON header is not valid UTF-8; the file is damaged — re-export it', e);
  }
  const blobStart = Math.min(align(HEADER + jsonLength), data.length);
  try {
    return deserializeGraph(json, data.subarray(blobStart), options);
  } catch (e) {
    if (e instanceof SnnError) throw e;
    return fail('IR_CORRUPT', `could not read the file (${String(e)})`, e);
  }
}
