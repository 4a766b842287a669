import type { Param } from '@snn/ir';
import { kerasError } from '../errors.js';
import { splitWeightName, type StoredWeight } from '../formats/weight-store.js';

/** A weight a converter needs: its Keras role name and the shape it must have. */
export interface WeightRequest {
  /** Keras variable name: `kernel`, `bias`, `gamma`, `beta`, `moving_mean`, `moving_variance`, ... */
  readonly role: string;
  /** Expected shape (Keras layout, e.g. `[in, units]` for a Dense kernel). */
  readonly shape: readonly number[];
}

/**
 * Match a layer's stored weights to the requested roles: by name when the file names
 * them (`dense_1/kernel:0`), else by position (Keras 3 `vars/0`, Keras 1 `dense_1_W`).
 * Checks count, shapes and finiteness; errors name the layer, the weight and the file.
 */
export function pickWeights(stored: readonly StoredWeight[] | undefined, requests: readonly WeightRequest[], label: string, fileName: string): Param[] {
  const roles = requests.map((r) => r.role).join(', ');
  if (stored === undefined || stored.length === 0) {
    if (requests.length === 0) return [];
    throw kerasError(
      'KERAS_MISSING_WEIGHT',
      label,
      `${label} needs weights (${roles}) but ${fileName} has none for it; the weights file does not match the architecture — save the model again, or pass the weights file that belongs to this architecture`,
    );
  }
  const picked = byName(stored, requests) ?? byPosition(stored, requests, label, fileName, roles);
  return picked.map((w, i) => checked(w, requests[i], label));
}

function byName(stored: readonly StoredWeight[], requests: readonly WeightRequest[]): StoredWeight[] | undefined {
  if (stored.some((w) => w.name === undefined)) return undefined;
  const byRole = new Map<string, StoredWeight>();
  for (const w of stored) byRole.set(splitWeightName(w.name as string).role, w);
  const out: StoredWeight[] = [];
  for (const r of requests) {
    const w = byRole.get(r.role);
    if (w === undefined) return undefined;
    out.push(w);
  }
  return out.length === stored.length ? out : undefined;
}

function byPosition(stored: readonly StoredWeight[], requests: readonly WeightRequest[], label: string, fileName: string, roles: string): StoredWeight[] {
  if (stored.length === requests.length) return [...stored];
  const names = stored.map((w, i) => w.name ?? `#${i}`).join(', ');
  if (stored.length < requests.length) {
    const missing = requests.slice(stored.length).map((r) => r.role).join(', ');
    throw kerasError(
      'KERAS_MISSING_WEIGHT',
      label,
      `${label} needs ${requests.length} weights (${roles}) but ${fileName} has ${stored.length} (${names}); missing: ${missing}. Check the layer's use_bias/center/scale settings against the file, or save the model again`,
    );
  }
  throw kerasError(
    'KERAS_WEIGHT_SHAPE',
    label,
    `${label} needs ${requests.length} weights (${roles}) but ${fileName} has ${stored.length} (${names}); the weights file does not match the architecture — check use_bias and the layer's options`,
  );
}

function checked(w: StoredWeight, r: WeightRequest, label: string): Param {
  const want = r.shape;
  if (w.shape.length !== want.length || w.shape.some((d, i) => d !== want[i])) {
    throw kerasError(
      'KERAS_WEIGHT_SHAPE',
      label,
      `${label}: weight '${r.role}' (${w.source}) has shape [${w.shape.join(', ')}] but the layer's config needs [${want.join(', ')}]; the weights do not belong to this architecture — save the model again or fix the config`,
    );
  }
  const expected = want.reduce((a, b) => a * b, 1);
  if (w.data.length !== expected) {
    throw kerasError('KERAS_WEIGHT_SHAPE', label, `${label}: weight '${r.role}' (${w.source}) holds ${w.data.length} values for shape [${want.join(', ')}] (${expected}); the file is damaged`);
  }
  for (let i = 0; i < w.data.length; i++) {
    if (!Number.isFinite(w.data[i])) {
      const bad = w.data.reduce((n, v) => (Number.isFinite(v) ? n : n + 1), 0);
      throw kerasError(
        'KERAS_NONFINITE_WEIGHT',
        label,
        `${label}: weight '${r.role}' (${w.source}) has ${bad} non-finite value(s) (first: ${w.data[i]} at index ${i}); training diverged or the file is damaged — retrain or restore a good checkpoint`,
      );
    }
  }
  return { shape: [...want], data: w.data };
}
