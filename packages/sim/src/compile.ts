import type { Graph } from '@snn/ir';
import { initBackend, type BackendOptions } from './backend/init.js';
import type { CompileOptions } from './options.js';
import { Simulator } from './simulator.js';

/**
 * Compile `graph` for simulation. The tfjs backend must be ready (see {@link createSimulator}
 * or `initBackend`); graph errors (shapes, unknown neuron or synapse types) throw here.
 */
export function compile(graph: Graph, options: CompileOptions): Simulator {
  return new Simulator(graph, options);
}

/** Initialize the backend (WebAssembly by default) and compile `graph`. */
export async function createSimulator(graph: Graph, options: CompileOptions & { backend?: BackendOptions }): Promise<Simulator> {
  await initBackend(options.backend);
  return compile(graph, options);
}
