import { createHash } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { encodeSnn, type Graph } from '@snn/ir';
import { loadCheckpoint, saveCheckpoint } from '@snn/train/node';
import type { WalkBase } from './walk.js';

/** Version of the training code paths whose results are cached: bump it when they change what they produce. */
const CACHE_VERSION = 1;

/** A short hash of `graph` (its `.snn` bytes): trained parameters are keyed by the network they started from. */
export function graphHash(graph: Graph): string {
  return createHash('sha256').update(encodeSnn(graph)).digest('hex').slice(0, 16);
}

/** The cache key of what `settings` (JSON values) produce. */
export function cacheKey(settings: Readonly<Record<string, unknown>>): string {
  return createHash('sha256').update(JSON.stringify({ version: CACHE_VERSION, ...settings })).digest('hex').slice(0, 16);
}

/**
 * The network `train()` produces for `settings`: read from the cache when it holds one for
 * exactly these settings (unless `--retrain`), else trained and written to the cache
 * (atomically; an unreadable cache entry is trained again). Says which on stderr.
 */
export async function cachedTraining(walk: WalkBase, what: string, settings: Readonly<Record<string, unknown>>, train: () => Promise<Graph>): Promise<{ graph: Graph; cached: boolean }> {
  const path = join(walk.options.cacheDir, `${what}-${cacheKey(settings)}.snn`);
  if (!walk.options.retrain && existsSync(path)) {
    try {
      const { graph } = loadCheckpoint(path);
      walk.io.err(`  ${what}: trained parameters from the cache (${path}; --retrain trains again)\n`);
      return { graph, cached: true };
    } catch (e) {
      walk.io.err(`  ${what}: the cached ${path} cannot be read (${e instanceof Error ? e.message : String(e)}); training again\n`);
    }
  }
  const trained = await train();
  // the settings go with the network, as a cache entry holds them: a fresh and a cached run then continue from equal graphs
  const graph: Graph = { ...trained, metadata: { ...trained.metadata, training: { settings } } };
  try {
    mkdirSync(walk.options.cacheDir, { recursive: true });
    saveCheckpoint(path, graph, { settings });
  } catch (e) {
    walk.io.err(`  ${what}: could not cache the trained network in ${walk.options.cacheDir} (${e instanceof Error ? e.message : String(e)}); the next run trains again\n`);
  }
  return { graph, cached: false };
}
