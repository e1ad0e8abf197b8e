/**
 * The shape of `schema-data.json`: Kubernetes OpenAPI definitions reduced to what
 * `kubectl explain` prints (descriptions, types, required fields, enums), with shared
 * definitions stored once and referenced by name.
 */
import data from "./schema-data.json";

/**
 * One property of a definition. `t` is the type in compact notation: `string`, `integer`,
 * `number`, `boolean`, `object` (free-form), `@<definition>` (a reference), `[]<t>` (an
 * array) or `map[string]<t>` (an object with additionalProperties).
 */
export interface SchemaField {
  t: string;
  /** The OpenAPI description. */
  d?: string;
  /** Enum values, in the schema's order. */
  e?: string[];
}

/** One OpenAPI definition (`components.schemas` entry). */
export interface SchemaDef {
  /** The definition's description. */
  d?: string;
  /**
   * The definition's own OpenAPI `type` when it is not an object: `string` (Time), or ""
   * for types Kubernetes declares with oneOf and no type (IntOrString, Quantity).
   */
  type?: string;
  /** Properties by name. */
  p?: Record<string, SchemaField>;
  /** Required property names. */
  r?: string[];
}

/** Where a served kind's schema lives. */
export interface KindSchema {
  /** API group ("" for the core group). */
  group: string;
  version: string;
  /** The definition name, e.g. `io.k8s.api.core.v1.Pod`. */
  ref: string;
}

/** The whole data file. */
export interface ExplainData {
  /** Where the text comes from. */
  source: string;
  /** Served kinds by Kind name. */
  kinds: Record<string, KindSchema>;
  /** Definitions by OpenAPI name. */
  defs: Record<string, SchemaDef>;
}

/** The field documentation for every kind the simulated API server serves. */
export const explainData: ExplainData = data as ExplainData;
