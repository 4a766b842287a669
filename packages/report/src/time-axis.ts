import type { AxisOptions } from './types.js';

/**
 * The time axis of a run of `steps` steps: in ms from 0 to steps x dt when `dt` (seconds)
 * is given, else in steps from 0 to `steps`. `toAxis(t)` is where step t (0-based) ends.
 */
export function timeAxis(steps: number, dt: number | undefined): { axis: AxisOptions; unit: number } {
  const ms = dt !== undefined && Number.isFinite(dt) && dt > 0;
  const unit = ms ? dt * 1000 : 1;
  return { axis: { label: ms ? 'time (ms)' : 'step', min: 0, max: steps * unit }, unit };
}
