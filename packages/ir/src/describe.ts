import type { Shape } from './types.js';

/** `node 'conv0' (conv)`: how messages name a node. */
export function nodeLabel(node: { readonly id: string; readonly kind: string }): string {
  return `node '${node.id}' (${node.kind})`;
}

/** `[28, 28, 1]` */
export function fmtShape(shape: Shape): string {
  return `[${shape.join(', ')}]`;
}

/** A short, single-line rendering of any value for "got ..." parts of messages. */
export function preview(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return `'${value.length > 40 ? value.slice(0, 40) + '…' : value}'`;
  if (typeof value === 'number') return String(value);
  if (ArrayBuffer.isView(value)) return `${value.constructor.name}(${(value as unknown as ArrayLike<number>).length})`;
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 60 ? text.slice(0, 60) + '…' : text;
}

/** `1 value` / `3 values` */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
