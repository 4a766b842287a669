import type { Graph, GraphNode, Param } from './types.js';
import { NODE_FIELDS } from './schema.js';
import { inferShapes } from './shapes.js';
import { writeFloat32LE } from './float32-le.js';

/** Name in the `format` field of serialized graphs. */
export const SNN_FORMAT = 'snn-graph';
/** Version of the serialized form this package writes and reads. */
export const SNN_FORMAT_VERSION = 1;

/** Where a parameter lives in the blob: byte offset, number of float32 values, shape. */
export interface ParamRef {
  readonly offset: number;
  readonly length: number;
  readonly shape: readonly number[];
}

/** A serialized graph: JSON text plus one binary blob of little-endian float32 parameters. */
export interface SerializedGraph {
  readonly json: string;
  readonly blob: Uint8Array;
}

/** Byte alignment of each parameter in the blob (and of the blob in `.snn` files). */
export const BLOB_ALIGN = 16;

/** Round `n` up to a multiple of {@link BLOB_ALIGN}. */
export function align(n: number): number {
  return Math.ceil(n / BLOB_ALIGN) * BLOB_ALIGN;
}

/**
 * Serialize a graph (validated first with {@link inferShapes}) to JSON plus a blob.
 * The JSON is `{ format: 'snn-graph', version: 1, blobByteLength, nodes, edges, metadata? }`
 * where every parameter is replaced by a {@link ParamRef}; each parameter starts at a
 * 16-byte-aligned offset of the blob. Only the fields the node kind defines are written.
 * Round trips through {@link deserializeGraph} are bit-exact.
 */
export function serializeGraph(graph: Graph): SerializedGraph {
  inferShapes(graph);
  const placed: { data: Float32Array; offset: number }[] = [];
  let cursor = 0;
  const place = (p: Param): ParamRef => {
    const offset = align(cursor);
    cursor = offset + p.data.length * 4;
    placed.push({ data: p.data, offset });
    return { offset, length: p.data.length, shape: [...p.shape] };
  };
  const nodes = graph.nodes.map((node: GraphNode) => {
    const out: Record<string, unknown> = {};
    const fields = node as unknown as Record<string, unknown>;
    for (const [name, spec] of Object.entries(NODE_FIELDS[node.kind])) {
      const v = fields[name];
      if (v === undefined) continue;
      out[name] = spec.type === 'param' ? place(v as Param) : v;
    }
    return out;
  });
  const blob = new Uint8Array(cursor);
  for (const { data, offset } of placed) writeFloat32LE(data, blob, offset);
  const doc = {
    format: SNN_FORMAT,
    version: SNN_FORMAT_VERSION,
    blobByteLength: blob.length,
    nodes,
    edges: graph.edges.map((e) => (e.synapse ? { source: e.source, target: e.target, synapse: e.synapse } : { source: e.source, target: e.target })),
    ...(graph.metadata === undefined ? {} : { metadata: graph.metadata }),
  };
  return { json: JSON.stringify(doc, null, 1), blob };
}
