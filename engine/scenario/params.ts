/**
 * Variant drawing. A scenario's parameters come from one named variant (a coherent set of
 * values: an app, its image, the typo) and from independent per-parameter choices (a replica
 * count, a namespace). The seed decides both, through a generator of its own, so that the
 * same (scenario, seed) always gives the same values and the cluster's own randomness is
 * not disturbed.
 */
import { Random } from "../runtime/random";
import type { ParamValue, ScenarioFile } from "./schema";

/** The parameters drawn for one instance. */
export interface DrawnParams {
  /** The variant's name, or `default` for a scenario without variants. */
  variant: string;
  values: Record<string, ParamValue>;
}

/** Draws the variant and the choices of `file` for `seed`. */
export function drawParams(file: Pick<ScenarioFile, "id" | "params">, seed: number): DrawnParams {
  const rng = new Random(`${file.id}\u0000params\u0000${seed >>> 0}`);
  const variants = file.params.variants;
  const variant = variants ? rng.pick(variants) : undefined;
  const values: Record<string, ParamValue> = { ...(variant?.values ?? {}) };
  const choices = file.params.choices ?? {};
  for (const name of Object.keys(choices).sort()) values[name] = rng.pick(choices[name]);
  return { variant: variant?.name ?? "default", values };
}

/**
 * Every combination the file can produce, one per variant with each choice at its first
 * value and then each other choice value once (enough to validate every template path).
 */
export function everyVariant(file: Pick<ScenarioFile, "params">): DrawnParams[] {
  const variants = file.params.variants ?? [{ name: "default", values: {} }];
  const choices = file.params.choices ?? {};
  const base: Record<string, ParamValue> = {};
  for (const [k, vs] of Object.entries(choices)) base[k] = vs[0];
  const out: DrawnParams[] = [];
  for (const v of variants) {
    out.push({ variant: v.name, values: { ...v.values, ...base } });
    for (const [k, vs] of Object.entries(choices)) for (const x of vs.slice(1)) out.push({ variant: v.name, values: { ...v.values, ...base, [k]: x } });
  }
  return out;
}
