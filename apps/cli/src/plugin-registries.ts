import { createLayerConverterRegistry } from '@snn/keras-import';
import { createLoihiRegistries } from '@snn/loihi';
import { importPlugin, registerPlugins, type PluginRegistries } from './plugins.js';

/*
 * The module simulator worker threads import to build the same registries as the `snn`
 * process: the `plugin` query parameters of its URL name the plugin modules (file URLs),
 * which are imported once, here, before `createRegistries` is called.
 */
const urls = new URL(import.meta.url).searchParams.getAll('plugin');
const plugins = await Promise.all(urls.map((url) => importPlugin(url, url)));

/** The CLI's registries (built-in and Loihi types) with every plugin of this module's URL registered. */
export function createRegistries(): PluginRegistries {
  return registerPlugins(plugins, { ...createLoihiRegistries(), converters: createLayerConverterRegistry() });
}
