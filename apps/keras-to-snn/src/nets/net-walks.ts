import { FEW_STEP_STAGES, kerasToSnnWalk } from '../keras-to-snn-walk.js';
import type { NetName } from '../options.js';
import type { Walk } from '../walk.js';
import { HYBRID_FEW_STEP_STAGES, hybridWalk } from './hybrid.js';
import { LIF_CONV_FEW_STEP_STAGES, lifConvWalk } from './lif-conv.js';
import { MLP_FEW_STEP_STAGES, mlpWalk } from './mlp.js';

/** A walkthrough: its stages (returning the reference accuracy) and the stages competing for "best few-step network". */
export interface NetWalk {
  readonly run: (walk: Walk) => Promise<number>;
  readonly fewStepStages: readonly string[];
}

/** The walkthrough of each `--net`. */
export const NET_WALKS: Readonly<Record<NetName, NetWalk>> = {
  'keras-to-snn': { run: kerasToSnnWalk, fewStepStages: FEW_STEP_STAGES },
  'lif-conv': { run: lifConvWalk, fewStepStages: LIF_CONV_FEW_STEP_STAGES },
  mlp: { run: mlpWalk, fewStepStages: MLP_FEW_STEP_STAGES },
  hybrid: { run: hybridWalk, fewStepStages: HYBRID_FEW_STEP_STAGES },
};
