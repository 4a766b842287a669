import { resolveParams } from '@snn/neurons';
import { figure, figureRow, lineChart, paragraph } from '@snn/report';
import type { LoihiWalk } from '../walk.js';

export const RATE_CURVES_STAGE = '5. Rate curves: Nengo against Loihi';

/** `type`'s rate (Hz) at each current of `currents`, with its default parameters. */
export function rateCurve(walk: LoihiWalk, type: string, currents: Float32Array): Float32Array {
  const neuronType = walk.neurons.get(type, 'rate curve');
  const out = new Float32Array(currents.length);
  neuronType.rates(currents, out, resolveParams(neuronType, {}, type));
  return out;
}

/** `n` evenly spaced currents from `from` to `to`. */
function currents(from: number, to: number, n: number): Float32Array {
  return Float32Array.from({ length: n }, (_, i) => from + ((to - from) * i) / (n - 1));
}

/** Two neuron types' rates over the currents `J`, and where they differ most. */
interface CurvePair {
  readonly nengo: string;
  readonly loihi: string;
  readonly J: Float32Array;
  readonly rates: readonly [Float32Array, Float32Array];
  /** The current of the largest gap and the gap there (Hz, Nengo minus Loihi). */
  readonly gap: { readonly at: number; readonly hz: number };
}

function curvePair(walk: LoihiWalk, nengo: string, loihi: string, J: Float32Array): CurvePair {
  const ra = rateCurve(walk, nengo, J);
  const rb = rateCurve(walk, loihi, J);
  let at = 0;
  for (let i = 1; i < J.length; i++) if (Math.abs(ra[i]! - rb[i]!) > Math.abs(ra[at]! - rb[at]!)) at = i;
  return { nengo, loihi, J, rates: [ra, rb], gap: { at: J[at]!, hz: ra[at]! - rb[at]! } };
}

/** One figure of a pair's rate curves. */
function curveFigure(pair: CurvePair, caption: string): string {
  const x = Array.from(pair.J);
  return figure(
    lineChart({
      title: `${pair.nengo} vs ${pair.loihi}`,
      series: [pair.nengo, pair.loihi].map((type, i) => ({ name: type, x, y: Array.from(pair.rates[i]!) })),
      x: { label: 'input current J (gain 1, bias 0)', min: x[0]!, max: x[x.length - 1]! },
      y: { label: 'firing rate (Hz)', min: 0 },
      legend: 'right',
      width: 640,
      height: 360,
    }),
    caption,
  );
}

/**
 * Stage 5 (figures): the rate curves of ReLU against Loihi's spiking ReLU over J in
 * [-100, 1000] and of LIF against Loihi's LIF over [-4, 40], as the example plots them,
 * with the largest gap of each pair on stdout.
 */
export function rateCurvesStage(walk: LoihiWalk): void {
  walk.io.out(`\n== ${RATE_CURVES_STAGE}\n`);
  const relu = curvePair(walk, 'RectifiedLinear', 'LoihiSpikingRectifiedLinear', currents(-100, 1000, 1101));
  const lif = curvePair(walk, 'LIF', 'LoihiLIF', currents(-4, 40, 881));
  const reluGap = relu.gap;
  const lifGap = lif.gap;
  walk.io.out(
    `  ReLU vs LoihiSpikingRectifiedLinear over J in [-100, 1000]: largest gap ${reluGap.hz.toFixed(1)} Hz at J = ${reluGap.at.toFixed(0)} (Loihi fires every ceil(1000/J) steps)\n` +
      `  LIF vs LoihiLIF over J in [-4, 40]: largest gap ${lifGap.hz.toFixed(1)} Hz at J = ${lifGap.at.toFixed(2)} (whole-step interspike intervals)\n`,
  );
  walk.report.section(
    RATE_CURVES_STAGE,
    paragraph(
      'Why Loihi neurons need their own training: a Loihi neuron spikes on whole time steps, at most once per step, so its rate for a constant input is 1/(dt x a whole number of steps). ' +
        `The spiking ReLU's line becomes a staircase that falls ever further below it as rates rise (largest gap ${reluGap.hz.toFixed(0)} Hz at J = ${reluGap.at.toFixed(0)}); ` +
        `LIF's curve likewise becomes steps (largest gap ${lifGap.hz.toFixed(0)} Hz at J = ${lifGap.at.toFixed(1)}). Training through these curves (stage 4) lets the network expect them.`,
    ),
    figureRow(
      curveFigure(relu, 'ReLU (rate = J) against Loihi\'s spiking ReLU (1000/ceil(1000/J) Hz).'),
      curveFigure(lif, 'LIF (tau_rc 20 ms, tau_ref 2 ms) against Loihi\'s LIF with its discretized time constants and whole-step periods.'),
    ),
  );
}
