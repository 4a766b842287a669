// Preloaded by tests (`node --import <this file> program ...`), it changes nothing the program
// does: the moment the program adds its first SIGINT listener it writes one JSON line to file
// descriptor 3, `{ ms, loaded }`: milliseconds since the process started and the modules
// (file URLs) loaded by then. A test can then send Ctrl-C the moment the program handles it
// (before, Node's own start-up handler ends the process by the signal, before any of the
// program runs) and check that the program loads nothing before it installs its handler.
import { writeSync } from 'node:fs';
import { register } from 'node:module';
import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';

const { port1, port2 } = new MessageChannel();
port1.unref();
register('./loaded-modules-hook.js', { parentURL: import.meta.url, data: { port: port2 }, transferList: [port2] });

process.on('newListener', function watch(event: string | symbol) {
  if (event !== 'SIGINT') return;
  process.off('newListener', watch);
  const loaded: string[] = [];
  for (let m = receiveMessageOnPort(port1); m; m = receiveMessageOnPort(port1)) loaded.push(m.message as string);
  writeSync(3, `${JSON.stringify({ ms: performance.now(), loaded })}\n`);
});
