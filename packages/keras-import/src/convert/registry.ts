import { kerasError } from '../errors.js';
import type { LayerConverter } from './context.js';

/** Options of {@link LayerConverterRegistry.register}. */
export interface RegisterOptions {
  /** Replace an existing converter for the class instead of throwing. */
  readonly override?: boolean;
}

/**
 * Layer converters keyed by Keras class name (`Dense`, `Conv2D`, ...). Nothing is
 * registered until someone calls {@link registerLayerConverter} or
 * {@link registerBuiltinLayerConverters}.
 */
export class LayerConverterRegistry {
  private readonly converters = new Map<string, LayerConverter>();

  /** Add `converter` for `className`; throws `KERAS_DUPLICATE_CONVERTER` if taken, unless `override`. */
  register(className: string, converter: LayerConverter, options: RegisterOptions = {}): this {
    if (typeof className !== 'string' || className.length === 0 || typeof converter !== 'function') {
      throw kerasError('KERAS_BAD_OPTION', String(className), `registerLayerConverter: give a Keras class name and a converter function; got ${typeof className} and ${typeof converter}`);
    }
    if (this.converters.has(className) && !options.override) {
      throw kerasError(
        'KERAS_DUPLICATE_CONVERTER',
        className,
        `A converter for Keras class '${className}' is already registered; pass { override: true } to replace it`,
      );
    }
    this.converters.set(className, converter);
    return this;
  }

  /** The converter for `className`, or undefined. */
  get(className: string): LayerConverter | undefined {
    return this.converters.get(className);
  }

  /** Whether a converter is registered for `className`. */
  has(className: string): boolean {
    return this.converters.has(className);
  }

  /** Registered class names, sorted. */
  names(): string[] {
    return [...this.converters.keys()].sort();
  }
}

/** Register `converter` for Keras class `className` in `registry` (see {@link LayerConverterRegistry.register}). */
export function registerLayerConverter(
  registry: LayerConverterRegistry,
  className: string,
  converter: LayerConverter,
  options: RegisterOptions = {},
): LayerConverterRegistry {
  return registry.register(className, converter, options);
}
