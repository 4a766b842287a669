import { createLoihiRegistries, loihiRegistryModule } from '@snn/loihi';
import type { LayerConverterRegistry } from '@snn/keras-import';
import type { NeuronRegistry } from '@snn/neurons';
import type { SynapseRegistry } from '@snn/synapses';
import { registerPlugins, type LoadedPlugin } from './plugins.js';

/** The `--plugin` modules of the current run, with the converter registry factory they need. */
let active: { plugins: readonly LoadedPlugin[]; createConverters: () => LayerConverterRegistry } | undefined;

/**
 * Use `plugins` for the rest of this run (every run of `snn` sets them, to none without
 * `--plugin`). `createConverters` is `@snn/keras-import`'s `createLayerConverterRegistry`,
 * passed in so that `snn` loads the importer only when it needs it.
 */
export function usePlugins(plugins: readonly LoadedPlugin[], createConverters?: () => LayerConverterRegistry): void {
  active = plugins.length > 0 && createConverters !== undefined ? { plugins, createConverters } : undefined;
}

/**
 * The types `snn` knows: the built-in neurons and synapses plus the Loihi neuron types, and
 * what the `--plugin` modules add; `converters` (the built-in Keras layer converters plus the
 * plugins') only when plugins are in use.
 */
export function cliRegistries(): { neurons: NeuronRegistry; synapses: SynapseRegistry; converters?: LayerConverterRegistry } {
  const registries = createLoihiRegistries();
  if (active === undefined) return registries;
  return registerPlugins(active.plugins, { ...registries, converters: active.createConverters() });
}

/** The neuron types `snn` knows (see {@link cliRegistries}). */
export function cliNeuronRegistry(): NeuronRegistry {
  return cliRegistries().neurons;
}

/** What the Keras importer needs to know of the plugins: their converters and neuron types (nothing without plugins). */
export function cliImportExtensions(): { converters?: LayerConverterRegistry; neuronTypes?: NeuronRegistry } {
  if (active === undefined) return {};
  const { neurons, converters } = cliRegistries();
  return { neuronTypes: neurons, ...(converters !== undefined ? { converters } : {}) };
}

const pluginRegistriesUrl = new URL(import.meta.url.endsWith('.ts') ? '../dist/plugin-registries.js' : './plugin-registries.js', import.meta.url);

/**
 * The module simulator worker threads load the same types from: `@snn/loihi`'s registries,
 * or with plugins the CLI's `plugin-registries.js`, told the plugins' URLs in its query.
 */
export function cliRegistryModule(): string {
  if (active === undefined) return loihiRegistryModule;
  const url = new URL(pluginRegistriesUrl);
  for (const plugin of active.plugins) url.searchParams.append('plugin', plugin.url);
  return url.href;
}
