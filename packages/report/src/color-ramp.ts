/** Stops of the viridis colour map (perceptually uniform, colour-blind safe), dark to light. */
const VIRIDIS: readonly (readonly [number, number, number])[] = [
  [68, 1, 84],
  [59, 82, 139],
  [33, 145, 140],
  [94, 201, 98],
  [253, 231, 37],
];

/** The viridis colour of `f` in [0, 1] (clamped), interpolated between its stops. */
export function viridis(f: number): [number, number, number] {
  const t = Math.min(1, Math.max(0, Number.isFinite(f) ? f : 0)) * (VIRIDIS.length - 1);
  const i = Math.min(VIRIDIS.length - 2, Math.floor(t));
  const u = t - i;
  const a = VIRIDIS[i];
  const b = VIRIDIS[i + 1];
  return [0, 1, 2].map((c) => Math.round(a[c] + (b[c] - a[c]) * u)) as [number, number, number];
}
