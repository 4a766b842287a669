import type { GraphNode, Param } from './types.js';
import { irError } from './error-codes.js';
import { fmtShape, nodeLabel, plural, preview } from './describe.js';
import { NODE_FIELDS, NODE_KINDS, checkFieldValue, isNodeKind } from './schema.js';

/** Options of {@link validateNode}. */
export interface ValidateNodeOptions {
  /** Fields the kind does not have are errors (used when loading files). */
  readonly strict?: boolean;
  /**
   * Turn a stored parameter value into a Param (loading resolves blob references). When
   * given, the result is a new node holding only the kind's fields, with params resolved.
   */
  readonly resolveParam?: (value: unknown, label: string, id: string, field: string) => Param;
}

/**
 * Check that `value` (the `index`-th entry of `graph.nodes`) is a well-formed node:
 * an object with a string id, a known kind, every required field of that kind present
 * with the right type, every parameter a finite Float32Array matching its shape.
 */
export function validateNode(value: unknown, index: number, options: ValidateNodeOptions = {}): GraphNode {
  const { strict = false, resolveParam } = options;
  const at = `nodes[${index}]`;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw irError('IR_BAD_FIELD', at, `${at} must be a node object with 'id' and 'kind'; got ${preview(value)}`);
  }
  const node = value as Record<string, unknown>;
  if (!('id' in node)) throw irError('IR_MISSING_FIELD', at, `${at} has no field 'id'; every node needs a unique string id`);
  if (typeof node.id !== 'string' || node.id.length === 0) {
    throw irError('IR_BAD_FIELD', at, `${at}: field 'id' must be a non-empty string; got ${preview(node.id)}`);
  }
  const id = node.id;
  if (!('kind' in node)) throw irError('IR_MISSING_FIELD', id, `node '${id}' has no field 'kind'; give one of: ${NODE_KINDS.join(', ')}`);
  if (!isNodeKind(node.kind)) {
    throw irError(
      'IR_UNKNOWN_KIND',
      id,
      `node '${id}' has unknown kind ${preview(node.kind)}; known kinds: ${NODE_KINDS.join(', ')}. ` +
        'Fix the kind, or update @snn/ir if the graph was written by a newer version',
    );
  }
  const label = nodeLabel({ id, kind: node.kind });
  const fields = NODE_FIELDS[node.kind];
  if (strict) {
    for (const key of Object.keys(node)) {
      if (!(key in fields)) {
        throw irError('IR_BAD_FIELD', id, `${label}: unknown field '${key}'; ${node.kind} nodes have: ${Object.keys(fields).join(', ')}`);
      }
    }
  }
  const copy: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(fields)) {
    const v = node[name];
    if (v === undefined) {
      if (spec.optional) continue;
      throw irError('IR_MISSING_FIELD', id, `${label}: required field '${name}' is missing; add it (${spec.type})`);
    }
    if (spec.type === 'param') {
      copy[name] = validateParam(resolveParam ? resolveParam(v, label, id, name) : v, label, id, name);
      continue;
    }
    const problem = checkFieldValue(spec.type, v);
    if (problem) throw irError(problem.code, id, `${label}: field '${name}' ${problem.problem}`);
    copy[name] = v;
  }
  return (resolveParam ? copy : value) as GraphNode;
}

/** Check an in-memory parameter: `{ shape, data: Float32Array }`, consistent length, finite values. */
export function validateParam(value: unknown, label: string, id: string, field: string): Param {
  const p = value as Partial<Param> | null;
  if (typeof p !== 'object' || p === null) {
    throw irError('IR_BAD_PARAM', id, `${label}: field '${field}' must be a param { shape, data: Float32Array }; got ${preview(value)} — build it with param(data, shape)`);
  }
  const shape = p.shape;
  if (!Array.isArray(shape) || !shape.every((d) => typeof d === 'number' && Number.isInteger(d) && d > 0)) {
    throw irError('IR_BAD_PARAM', id, `${label}: field '${field}' has shape ${preview(shape)}; a shape is an array of positive integers ([] for a scalar)`);
  }
  if (!(p.data instanceof Float32Array)) {
    throw irError('IR_BAD_PARAM', id, `${label}: field '${field}' data must be a Float32Array; got ${preview(p.data)} — build it with param(data, shape)`);
  }
  const size = shape.reduce((a: number, b: number) => a * b, 1);
  if (p.data.length !== size) {
    throw irError(
      'IR_BAD_PARAM',
      id,
      `${label}: field '${field}' has shape ${fmtShape(shape)} (${plural(size, 'value')}) but its data holds ${p.data.length}; make the data length the product of the shape`,
    );
  }
  const data = p.data;
  for (let i = 0; i < data.length; i++) {
    const x = data[i];
    if (x - x !== 0) {
      throw irError(
        'IR_NOT_FINITE',
        id,
        `${label}: field '${field}' holds ${x} at flat index ${i} (shape ${fmtShape(shape)}); parameters must be finite — check the source weights or the pass that produced them`,
      );
    }
  }
  return p as Param;
}
