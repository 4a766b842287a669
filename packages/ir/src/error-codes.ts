import { SnnError } from './errors.js';

/**
 * Stable codes of the errors `@snn/ir` raises, each with what it means. Programs branch
 * on these (`isSnnError(e, 'IR_CYCLE')`); people read the message.
 */
export const irErrorCodes = {
  IR_BAD_GRAPH: 'the value is not a graph `{ nodes: [...], edges: [...] }`',
  IR_DUPLICATE_ID: 'two nodes share one id',
  IR_UNKNOWN_NODE: 'an edge, argument or lookup names a node the graph does not have',
  IR_UNKNOWN_KIND: "a node's `kind` is not one of the IR node kinds",
  IR_MISSING_FIELD: 'a required field of a node, edge or parameter is absent',
  IR_BAD_FIELD: 'a field has the wrong type or an invalid value',
  IR_BAD_PARAM: "a parameter array is malformed (not Float32Array, length differs from its shape's product, wrong rank)",
  IR_NOT_FINITE: 'a parameter or number is NaN or infinite',
  IR_BAD_SYNAPSE: 'a synapse spec on an edge is malformed',
  IR_CYCLE: 'the edges form a cycle',
  IR_BAD_INPUTS: 'a node has the wrong number of inputs, or an output node feeds another node',
  IR_SHAPE_MISMATCH: "a node's parameters or options do not fit the shape of its inputs",
  IR_BAD_ARGUMENT: 'a function was called with an invalid argument (e.g. a non-positive scale)',
  IR_NOT_CONVERTIBLE: 'a conversion pass cannot transform a node exactly (e.g. a max pool whose padding an average would count)',
  IR_FORMAT: 'serialized data is not an snn graph (wrong magic, format name or JSON)',
  IR_VERSION: 'serialized data has a format version this package cannot read',
  IR_CORRUPT: 'serialized data is damaged (truncated blob, references outside it, inconsistent lengths)',
} as const;

/** One of the codes in {@link irErrorCodes}. */
export type IrErrorCode = keyof typeof irErrorCodes;

/** Build an {@link SnnError} with an IR code; `where` is the node id (or edge/field) at fault. */
export function irError(code: IrErrorCode, where: string | undefined, message: string, cause?: unknown): SnnError {
  return new SnnError(code, message, { where, cause });
}
