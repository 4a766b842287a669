import type { Rng } from '@snn/ir';
import { pick } from './mutation.js';

/** A damaged configuration: its JSON text and whether the damage may leave a loadable model. */
export interface MutatedJson {
  readonly mutation: string;
  readonly text: string;
  readonly mayLoad: boolean;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Slot = { parent: Json[] | { [key: string]: Json }; key: string | number; value: Json };

/**
 * Damage a model configuration (Keras `model_config`, `.keras` config.json, TF.js
 * model.json, the `.snn` JSON header): unknown layer classes, swapped shapes, wrong unit
 * counts, huge sizes, NaN and infinities, deep nesting, cyclic layer graphs, missing
 * fields and values of the wrong type. `kinds` restricts the mutations to use.
 */
export function mutateJson(text: string, rng: Rng, kinds: readonly JsonMutation[] = JSON_MUTATIONS): MutatedJson | undefined {
  const root = JSON.parse(text) as Json;
  const slots = collect(root);
  const kind = pick(rng, kinds);
  const named = (re: RegExp): Slot[] => slots.filter((s) => typeof s.key === 'string' && re.test(s.key));
  const done = (mayLoad: boolean, detail = ''): MutatedJson => ({ mutation: `json ${kind}${detail}`, text: JSON.stringify(root), mayLoad });
  switch (kind) {
    case 'unknown-class': {
      // a layer (or graph node): an element of a list, not an initializer or the model itself
      const inList = new Set(slots.filter((s) => typeof s.key === 'number').map((s) => s.value));
      const classes = named(/^class_name$|^kind$/).filter((s) => typeof s.value === 'string' && !/InputLayer|^input$|^output$/.test(s.value as string) && inList.has(s.parent));
      if (classes.length === 0) return undefined;
      const s = pick(rng, classes);
      set(s, `Fuzz${rng.int(1e6)}${String(s.value)}`);
      return done(false, ` ${String(s.value)}`);
    }
    case 'swap-shape': {
      const shapes = named(/shape|kernel_size|strides|pool_size|padding|dims/).filter((s) => Array.isArray(s.value) && s.value.length >= 2);
      const s = shapes.length > 0 ? pick(rng, shapes) : undefined;
      if (!s) return undefined;
      const list = s.value as Json[];
      const rotated = [...list.slice(1), list[0]];
      if (JSON.stringify(rotated) === JSON.stringify(list)) return undefined;
      set(s, rotated);
      return done(true, ` ${String(s.key)}`);
    }
    case 'wrong-units': {
      const units = named(/^(units|filters)$/).filter((s) => typeof s.value === 'number');
      if (units.length === 0) return undefined;
      const s = pick(rng, units);
      set(s, (s.value as number) + 1 + rng.int(7));
      return done(false, ` ${String(s.key)}`);
    }
    case 'huge-size': {
      const sizes = named(/shape|units|filters|kernel_size|length|offset|size/).filter((s) => typeof s.value === 'number' || Array.isArray(s.value));
      if (sizes.length === 0) return undefined;
      const s = pick(rng, sizes);
      const huge = pick(rng, [2 ** 31, 2 ** 32 + 1, 1e12, 2 ** 53, -1]);
      if (typeof s.value === 'number') set(s, huge);
      else if ((s.value as Json[]).length > 0) (s.value as Json[])[rng.int((s.value as Json[]).length)] = huge;
      return done(true, ` ${String(s.key)}=${huge}`);
    }
    case 'non-finite': {
      const numbers = slots.filter((s) => typeof s.value === 'number');
      if (numbers.length === 0) return undefined;
      const s = pick(rng, numbers);
      const token = pick(rng, ['NaN', 'Infinity', '-Infinity']);
      set(s, '__FUZZ_NONFINITE__');
      // Python's json module writes these tokens; they are not JSON
      return { mutation: `json non-finite ${String(s.key)}=${token}`, text: JSON.stringify(root).replace('"__FUZZ_NONFINITE__"', token), mayLoad: true };
    }
    case 'deep-nesting': {
      const depth = pick(rng, [100, 1000, 10_000]);
      const objects = slots.filter((s) => s.value !== null && typeof s.value === 'object' && !Array.isArray(s.value));
      if (objects.length === 0) return undefined;
      const s = pick(rng, objects);
      const deep = (inner: string): string => (rng.next() < 0.5 ? '['.repeat(depth) + inner + ']'.repeat(depth) : '{"a":'.repeat(depth) + inner + '}'.repeat(depth));
      const nestedModel = rng.next() < 0.5 && isLayer(s.parent);
      const marker = '"__FUZZ_DEEP__"';
      set(s, '__FUZZ_DEEP__');
      const inner = nestedModel
        ? '{"class_name":"Sequential","config":{"name":"n","layers":['.repeat(depth) + '{"class_name":"Dense","config":{"name":"d","units":1}}' + ']}}'.repeat(depth)
        : deep('1');
      return { mutation: `json deep-nesting ${nestedModel ? 'models' : 'arrays'} x${depth}`, text: JSON.stringify(root).replace(marker, inner), mayLoad: true };
    }
    case 'cycle': {
      const layers = named(/^layers$/).find((s) => Array.isArray(s.value) && (s.value as Json[]).length >= 3);
      if (!layers) return undefined;
      const list = layers.value as { [key: string]: Json }[];
      const name = (l: { [key: string]: Json }): string => String((l.config as { name?: Json } | undefined)?.name ?? l.name);
      // every layer takes the next one's output as input, the last the first's: a cycle with no entry
      list.forEach((l, i) => {
        l.inbound_nodes = [[[name(list[(i + 1) % list.length]), 0, 0, {}]]];
        l.name = name(l);
      });
      const model = slots.find((s) => s.value === layers.parent && typeof s.key === 'string');
      const owner = (model?.parent ?? root) as { [key: string]: Json };
      if (typeof owner.class_name === 'string' && owner.class_name === 'Sequential') owner.class_name = 'Functional';
      (layers.parent as { [key: string]: Json }).input_layers = [[name(list[0]), 0, 0]];
      (layers.parent as { [key: string]: Json }).output_layers = [[name(list[list.length - 1]), 0, 0]];
      return done(false);
    }
    case 'drop-field': {
      const fields = slots.filter((s) => !Array.isArray(s.parent));
      if (fields.length === 0) return undefined;
      const s = pick(rng, fields);
      delete (s.parent as { [key: string]: Json })[s.key as string];
      return done(true, ` ${String(s.key)}`);
    }
    case 'wrong-type': {
      const s = pick(rng, slots);
      const replacement: Json = pick<Json>(rng, [null, 'fuzz', -1, 0.5, [], {}, true, [[1, 2], [3]]]);
      if (JSON.stringify(replacement) === JSON.stringify(s.value)) return undefined;
      set(s, replacement);
      return done(true, ` ${String(s.key)}`);
    }
  }
}

/** The JSON mutations. */
export const JSON_MUTATIONS = ['unknown-class', 'swap-shape', 'wrong-units', 'huge-size', 'non-finite', 'deep-nesting', 'cycle', 'drop-field', 'wrong-type'] as const;
/** One of {@link JSON_MUTATIONS}. */
export type JsonMutation = (typeof JSON_MUTATIONS)[number];

function isLayer(parent: unknown): boolean {
  return parent !== null && typeof parent === 'object' && !Array.isArray(parent) && 'config' in (parent as object);
}

function set(s: Slot, value: Json): void {
  (s.parent as Record<string | number, Json>)[s.key] = value;
  s.value = value;
}

function collect(root: Json): Slot[] {
  const out: Slot[] = [];
  const stack: Json[] = [root];
  while (stack.length > 0) {
    const v = stack.pop() as Json;
    if (v === null || typeof v !== 'object') continue;
    const entries: [string | number, Json][] = Array.isArray(v) ? v.map((x, i) => [i, x]) : Object.entries(v);
    for (const [key, value] of entries) {
      out.push({ parent: v, key, value });
      stack.push(value);
    }
  }
  return out;
}
