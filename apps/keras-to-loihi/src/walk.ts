import type { Walk } from '@snn/keras-to-snn/shared';
import type { LoihiWalkOptions } from './options.js';

/** The keras-to-loihi walk: the shared walk with this walkthrough's options. */
export type LoihiWalk = Walk<LoihiWalkOptions>;

/** Nengo Loihi's example settings (spec §5): spikes of scale 100, a 5 ms synapse, 200 Hz per-layer mean rates. */
export const EXAMPLE = { scale: 100, synapse: 0.005, targetMeanHz: 200 } as const;
