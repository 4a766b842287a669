/**
 * The float configuration of a block's compartments before discretization (Nengo Loihi's
 * `Compartment`, spec §2.1). Values shared by the block are numbers; per-compartment values are
 * `Float64Array`s. Configurations are immutable: the `configure*` functions return new ones.
 */
export interface CompartmentConfig {
  /** Names the block in error messages: `Compartment(<label>)`. */
  readonly label: string;
  /** Number of compartments. */
  readonly n: number;
  /** Current (input filter) decay per step, 1 = no filter. */
  readonly decayU: number;
  /** Voltage decay per step (0 = integrator, 1 = no memory). */
  readonly decayV: number;
  /** Whether input current is divided by the integral of the current decay. */
  readonly scaleU: boolean;
  /** Whether the voltage input is divided by the integral of the voltage decay. */
  readonly scaleV: boolean;
  /** Lower voltage limit (in units of the threshold, before scaling). */
  readonly vmin: number;
  /** Upper voltage limit (`Infinity` = none). */
  readonly vmax: number;
  /** Steps a compartment stays refractory after a spike, plus one (1 = none). */
  readonly refractDelay: number;
  /** Firing threshold per compartment. */
  readonly vth: Float64Array;
  /** Constant input current per compartment. */
  readonly bias: Float64Array;
  /** The input filter's time constant in seconds, `undefined` until a filter is configured. */
  readonly tauS: number | undefined;
}

/** Options of {@link createCompartment}. */
export interface CreateCompartmentOptions {
  /** Label used in error messages (default ''). */
  readonly label?: string;
  /** Bias per compartment (length n) or one value for all (default 0). */
  readonly bias?: ArrayLike<number> | number;
}

/**
 * A block of `n` compartments with Nengo Loihi's defaults: decayU 1 (no filter), decayV 0,
 * scaleU true, scaleV false, vmin 0, vmax Infinity, refractDelay 0, vth 0, bias 0.
 */
export function createCompartment(n: number, options: CreateCompartmentOptions = {}): CompartmentConfig {
  const bias = new Float64Array(n);
  if (typeof options.bias === 'number') bias.fill(options.bias);
  else if (options.bias !== undefined) bias.set(options.bias);
  return {
    label: options.label ?? '',
    n,
    decayU: 1,
    decayV: 0,
    scaleU: true,
    scaleV: false,
    vmin: 0,
    vmax: Infinity,
    refractDelay: 0,
    vth: new Float64Array(n),
    bias,
    tauS: undefined,
  };
}

/** How Nengo Loihi names a compartment in error messages: `Compartment(<label>)`. */
export function compartmentName(comp: CompartmentConfig): string {
  return `Compartment(${comp.label})`;
}
