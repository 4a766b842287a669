import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isSnnError, SnnError } from '@snn/ir';
import type { LayerConverterRegistry } from '@snn/keras-import';
import type { NeuronRegistry } from '@snn/neurons';
import type { SynapseRegistry } from '@snn/synapses';

/** What a plugin's `register` receives: the registries `snn` looks neuron types, synapses and Keras layer converters up in. */
export interface PluginRegistries {
  readonly neurons: NeuronRegistry;
  readonly synapses: SynapseRegistry;
  readonly converters: LayerConverterRegistry;
}

/** A plugin module: `export function register(registries)` (or a default export with `register`). */
export interface SnnPlugin {
  register(registries: PluginRegistries): void;
}

/** A plugin module loaded for `--plugin SPEC`. */
export interface LoadedPlugin extends SnnPlugin {
  /** What the user gave `--plugin`. */
  readonly spec: string;
  /** The module's resolved file URL (what worker threads import). */
  readonly url: string;
}

const looksLikePath = (spec: string): boolean => spec.startsWith('.') || isAbsolute(spec) || /\.[cm]?js$/.test(spec);

/**
 * The file URL of plugin module `spec`: a path (relative to `cwd`) or a package name,
 * resolved from `cwd` first, then from `snn` itself. Throws `CLI_PLUGIN` naming the flag.
 */
export function resolvePlugin(spec: string, cwd: string = process.cwd()): string {
  if (spec.startsWith('file:')) return spec;
  if (looksLikePath(spec)) {
    const path = resolve(cwd, spec);
    if (!existsSync(path)) throw new SnnError('CLI_PLUGIN', `--plugin ${spec}: ${path} does not exist; give the plugin module's path (its built .js file) or its package name`, { where: spec });
    return pathToFileURL(path).href;
  }
  for (const from of [join(cwd, 'package.json'), import.meta.url]) {
    try {
      return pathToFileURL(createRequire(from).resolve(spec)).href;
    } catch {
      // try the next place
    }
  }
  throw new SnnError('CLI_PLUGIN', `--plugin ${spec}: no package '${spec}' is installed here or beside snn; install it (npm install ${spec}) or give the module's path`, { where: spec });
}

/** Import plugin module `url` (given as `spec`) and check that it exports `register`. */
export async function importPlugin(spec: string, url: string): Promise<LoadedPlugin> {
  let mod: Record<string, unknown>;
  try {
    mod = (await import(url)) as Record<string, unknown>;
  } catch (cause) {
    throw new SnnError('CLI_PLUGIN', `--plugin ${spec}: the module failed to load: ${(cause as Error).message ?? String(cause)}`, { where: spec, cause });
  }
  const register = typeof mod.register === 'function' ? mod.register : (mod.default as { register?: unknown } | undefined)?.register;
  if (typeof register !== 'function') {
    throw new SnnError('CLI_PLUGIN', `--plugin ${spec}: the module exports no register function; export function register({ neurons, synapses, converters }) that adds your types`, { where: spec });
  }
  return { spec, url, register: register as SnnPlugin['register'] };
}

/** Resolve and import every `--plugin` module, in order. */
export async function loadPlugins(specs: readonly string[], cwd: string = process.cwd()): Promise<LoadedPlugin[]> {
  const plugins: LoadedPlugin[] = [];
  for (const spec of specs) plugins.push(await importPlugin(spec, resolvePlugin(spec, cwd)));
  return plugins;
}

/** Call every plugin's `register` on `registries`; a failure becomes `CLI_PLUGIN` naming the plugin. Returns `registries`. */
export function registerPlugins<R extends PluginRegistries>(plugins: readonly LoadedPlugin[], registries: R): R {
  for (const plugin of plugins) {
    try {
      plugin.register(registries);
    } catch (cause) {
      const what = isSnnError(cause) ? `${cause.code}: ${cause.message}` : ((cause as Error).message ?? String(cause));
      throw new SnnError('CLI_PLUGIN', `--plugin ${plugin.spec}: register() failed: ${what}`, { where: plugin.spec, cause });
    }
  }
  return registries;
}
