import type { Edge, Graph, GraphNode, Param } from './types.js';
import { SnnError } from './errors.js';
import { irError } from './error-codes.js';
import { fmtShape, plural, preview } from './describe.js';
import { validateNode } from './validate-node.js';
import { validateSynapse } from './synapse-spec.js';
import { inferShapes } from './shapes.js';
import { readFloat32LE } from './float32-le.js';
import { SNN_FORMAT, SNN_FORMAT_VERSION } from './serialize.js';

/** Options of {@link deserializeGraph} and `decodeSnn`. */
export interface LoadOptions {
  /** File name or URL to put in front of error messages, e.g. `model.snn`. */
  readonly source?: string;
}

const REEXPORT = 'the file is truncated or was edited — re-export it';
const topKeys = new Set(['format', 'version', 'blobByteLength', 'nodes', 'edges', 'metadata']);
const edgeKeys = new Set(['source', 'target', 'synapse']);
const refKeys = new Set(['offset', 'length', 'shape']);

/**
 * Load a graph from the JSON text and blob written by {@link serializeGraph}. Checks, in
 * order: JSON syntax and `format` (`IR_FORMAT`), `version` (`IR_VERSION`), every node's
 * kind (`IR_UNKNOWN_KIND`) and every field's presence and type (`IR_MISSING_FIELD`,
 * `IR_BAD_FIELD`; unknown fields are errors), parameter references inside the blob with
 * lengths equal to their shape's product (`IR_CORRUPT`), finite values (`IR_NOT_FINITE`),
 * then the whole graph with {@link inferShapes}. Messages name the node and field.
 */
export function deserializeGraph(json: string, blob: Uint8Array, options: LoadOptions = {}): Graph {
  try {
    return load(json, blob);
  } catch (e) {
    if (options.source === undefined || !(e instanceof SnnError)) throw e;
    throw new SnnError(e.code, `${options.source}: ${e.message}`, { where: e.where, cause: e });
  }
}

function load(json: string, blob: Uint8Array): Graph {
  if (typeof json !== 'string') throw irError('IR_FORMAT', undefined, `expected the graph JSON as a string; got ${preview(json)}`);
  if (!(blob instanceof Uint8Array)) throw irError('IR_FORMAT', undefined, `expected the parameter blob as a Uint8Array; got ${preview(blob)}`);
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch (e) {
    throw irError('IR_FORMAT', undefined, `the graph JSON does not parse (${(e as Error).message}); ${REEXPORT}`, e);
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw irError('IR_FORMAT', undefined, `the graph JSON must be an object with format '${SNN_FORMAT}'; got ${preview(doc)}`);
  }
  const d = doc as Record<string, unknown>;
  if (d.format !== SNN_FORMAT) {
    throw irError('IR_FORMAT', 'format', `field 'format' is ${preview(d.format)}, expected '${SNN_FORMAT}'; this is not an snn graph file`);
  }
  if (d.version !== SNN_FORMAT_VERSION) {
    const newer = typeof d.version === 'number' && d.version > SNN_FORMAT_VERSION;
    throw irError(
      'IR_VERSION',
      'version',
      `the file has format version ${preview(d.version)} but this @snn/ir reads version ${SNN_FORMAT_VERSION}; ` +
        (newer ? 'upgrade @snn/ir to load it' : 're-export the graph with a current snn'),
    );
  }
  for (const k of Object.keys(d)) {
    if (!topKeys.has(k)) throw irError('IR_BAD_FIELD', k, `unknown top-level field '${k}'; allowed: ${[...topKeys].join(', ')}`);
  }
  const declared = d.blobByteLength;
  if (typeof declared !== 'number' || !Number.isInteger(declared) || declared < 0) {
    throw irError(declared === undefined ? 'IR_MISSING_FIELD' : 'IR_BAD_FIELD', 'blobByteLength', `field 'blobByteLength' must be a non-negative integer; got ${preview(declared)}`);
  }
  for (const k of ['nodes', 'edges'] as const) {
    if (!Array.isArray(d[k])) throw irError(d[k] === undefined ? 'IR_MISSING_FIELD' : 'IR_BAD_FIELD', k, `field '${k}' must be an array; got ${preview(d[k])}`);
  }
  const resolveParam = (v: unknown, label: string, id: string, field: string): Param => readParam(v, label, id, field, blob);
  const nodes: GraphNode[] = (d.nodes as unknown[]).map((raw, i) => validateNode(raw, i, { strict: true, resolveParam }));
  if (blob.length !== declared) {
    throw irError('IR_CORRUPT', undefined, `the blob has ${plural(blob.length, 'byte')} but the JSON declares ${declared}; ${REEXPORT}`);
  }
  const edges = (d.edges as unknown[]).map(readEdge);
  if (d.metadata !== undefined && (typeof d.metadata !== 'object' || d.metadata === null || Array.isArray(d.metadata))) {
    throw irError('IR_BAD_FIELD', 'metadata', `field 'metadata' must be an object; got ${preview(d.metadata)}`);
  }
  const graph: Graph = d.metadata === undefined ? { nodes, edges } : { nodes, edges, metadata: d.metadata as Record<string, unknown> };
  inferShapes(graph);
  return graph;
}

function readParam(value: unknown, label: string, id: string, field: string, blob: Uint8Array): Param {
  const at = `${label}: field '${field}'`;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw irError('IR_BAD_FIELD', id, `${at} must be a parameter reference { offset, length, shape }; got ${preview(value)}`);
  }
  const ref = value as Record<string, unknown>;
  for (const k of Object.keys(ref)) if (!refKeys.has(k)) throw irError('IR_BAD_FIELD', id, `${at} has unknown key '${k}'; a parameter reference has offset, length, shape`);
  for (const k of ['offset', 'length'] as const) {
    const n = ref[k];
    if (n === undefined) throw irError('IR_MISSING_FIELD', id, `${at} has no '${k}'; ${REEXPORT}`);
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) throw irError('IR_BAD_FIELD', id, `${at}: '${k}' must be a non-negative integer; got ${preview(n)}`);
  }
  const shape = ref.shape;
  if (shape === undefined) throw irError('IR_MISSING_FIELD', id, `${at} has no 'shape'; ${REEXPORT}`);
  if (!Array.isArray(shape) || !shape.every((x) => typeof x === 'number' && Number.isInteger(x) && x > 0)) {
    throw irError('IR_BAD_FIELD', id, `${at}: 'shape' must be an array of positive integers ([] for a scalar); got ${preview(shape)}`);
  }
  const offset = ref.offset as number;
  const length = ref.length as number;
  const size = (shape as number[]).reduce((a, b) => a * b, 1);
  if (length !== size) {
    throw irError('IR_CORRUPT', id, `${at} has shape ${fmtShape(shape)} (${plural(size, 'value')}) but length ${length}; ${REEXPORT}`);
  }
  if (offset % 4 !== 0) throw irError('IR_CORRUPT', id, `${at} starts at byte ${offset}, which is not a multiple of 4; ${REEXPORT}`);
  const end = offset + length * 4;
  if (end > blob.length) {
    throw irError('IR_CORRUPT', id, `${at} refers to bytes ${offset}..${end} but the blob has ${plural(blob.length, 'byte')}; ${REEXPORT}`);
  }
  return { shape: [...(shape as number[])], data: readFloat32LE(blob, offset, length) };
}

function readEdge(raw: unknown, i: number): Edge {
  const at = `edges[${i}]`;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw irError('IR_BAD_FIELD', at, `${at} must be an object { source, target, synapse? }; got ${preview(raw)}`);
  const e = raw as Record<string, unknown>;
  for (const k of Object.keys(e)) if (!edgeKeys.has(k)) throw irError('IR_BAD_FIELD', at, `${at}: unknown field '${k}'; edges have source, target, synapse`);
  for (const k of ['source', 'target'] as const) {
    if (typeof e[k] !== 'string') throw irError(e[k] === undefined ? 'IR_MISSING_FIELD' : 'IR_BAD_FIELD', at, `${at}: field '${k}' must be a node id (string); got ${preview(e[k])}`);
  }
  const edge = { source: e.source as string, target: e.target as string };
  if (e.synapse === undefined) return edge;
  return { ...edge, synapse: validateSynapse(e.synapse, `${at} ('${edge.source}' -> '${edge.target}')`) };
}
