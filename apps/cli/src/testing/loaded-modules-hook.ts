// Module loader hook of sigint-watch.ts (runs on Node's loader thread): reports each module file
// loaded, in order.
import type { MessagePort } from 'node:worker_threads';

let port: MessagePort | undefined;

/** Receives the port the loaded modules are reported on. */
export function initialize(data: { port: MessagePort }): void {
  port = data.port;
}

/** Reports `url` (files only, not Node's built-in modules) and loads it as Node would. */
export async function load(url: string, context: object, next: (url: string, context: object) => Promise<unknown>): Promise<unknown> {
  if (url.startsWith('file:')) port?.postMessage(url);
  return next(url, context);
}
