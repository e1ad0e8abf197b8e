/**
 * The strategic-merge-patch metadata of the Kubernetes types the simulation serves: the
 * `patchStrategy` and `patchMergeKey` struct tags of k8s.io/api, as a tree of fields.
 * Fields not described here have no tag: maps merge key by key and lists are replaced.
 */

/** Patch metadata of one field (and, through `fields`/`items`/`values`, of what it contains). */
export interface PatchSchema {
  /** A list with `patchStrategy:"merge"`: its elements are merged (by `mergeKey` for objects). */
  mergeList?: boolean;
  /** The `patchMergeKey` of a merged list of objects (`name`, `containerPort`, `mountPath`…). */
  mergeKey?: string;
  /** `patchStrategy:"retainKeys"`: a patch's `$retainKeys` clears the keys it does not list. */
  retainKeys?: boolean;
  /** `patchStrategy:"replace"` on an object: the patch value replaces it whole. */
  replace?: boolean;
  /** Metadata of the fields of an object. */
  fields?: Record<string, PatchSchema>;
  /** Metadata of a list's elements. */
  items?: PatchSchema;
  /** Metadata of every value of a map (`map[string]T`). */
  values?: PatchSchema;
}

const probe: PatchSchema = {};
const resources: PatchSchema = { fields: { claims: { mergeList: true, mergeKey: "name" } } };

const container: PatchSchema = {
  fields: {
    ports: { mergeList: true, mergeKey: "containerPort", items: {} },
    env: { mergeList: true, mergeKey: "name", items: {} },
    volumeMounts: { mergeList: true, mergeKey: "mountPath", items: {} },
    volumeDevices: { mergeList: true, mergeKey: "devicePath", items: {} },
    resources,
    livenessProbe: probe,
    readinessProbe: probe,
    startupProbe: probe,
  },
};

const podSpec: PatchSchema = {
  fields: {
    containers: { mergeList: true, mergeKey: "name", items: container },
    initContainers: { mergeList: true, mergeKey: "name", items: container },
    ephemeralContainers: { mergeList: true, mergeKey: "name", items: container },
    volumes: { mergeList: true, mergeKey: "name", retainKeys: true, items: { retainKeys: true } },
    imagePullSecrets: { mergeList: true, mergeKey: "name", items: {} },
    hostAliases: { mergeList: true, mergeKey: "ip", items: {} },
    topologySpreadConstraints: { mergeList: true, mergeKey: "topologyKey", items: {} },
    resourceClaims: { mergeList: true, mergeKey: "name", retainKeys: true, items: { retainKeys: true } },
    schedulingGates: { mergeList: true, mergeKey: "name", items: {} },
  },
};

const objectMeta: PatchSchema = {
  fields: {
    finalizers: { mergeList: true },
    ownerReferences: { mergeList: true, mergeKey: "uid", items: {} },
  },
};

const podTemplate: PatchSchema = { fields: { metadata: objectMeta, spec: podSpec } };

function workload(specFields: Record<string, PatchSchema>): PatchSchema {
  return { fields: { metadata: objectMeta, spec: { fields: { template: podTemplate, ...specFields } } } };
}

const deploymentLike = workload({ strategy: { retainKeys: true } });
const daemonSetLike = workload({ updateStrategy: {} });

/** The schema of each kind, by kind name. */
const SCHEMAS: Record<string, PatchSchema> = {
  Pod: {
    fields: {
      metadata: objectMeta,
      spec: podSpec,
      status: { fields: { conditions: { mergeList: true, mergeKey: "type", items: {} } } },
    },
  },
  Deployment: deploymentLike,
  ReplicaSet: workload({}),
  StatefulSet: workload({}),
  DaemonSet: daemonSetLike,
  Job: workload({}),
  CronJob: {
    fields: {
      metadata: objectMeta,
      spec: { fields: { jobTemplate: { fields: { metadata: objectMeta, spec: { fields: { template: podTemplate } } } } } },
    },
  },
  Service: {
    fields: {
      metadata: objectMeta,
      spec: { fields: { ports: { mergeList: true, mergeKey: "port", items: {} } } },
    },
  },
  ServiceAccount: {
    fields: {
      metadata: objectMeta,
      secrets: { mergeList: true, mergeKey: "name", items: {} },
    },
  },
  Node: {
    fields: {
      metadata: objectMeta,
      status: {
        fields: {
          conditions: { mergeList: true, mergeKey: "type", items: {} },
          addresses: { mergeList: true, mergeKey: "type", items: {} },
        },
      },
    },
  },
};

const generic: PatchSchema = { fields: { metadata: objectMeta } };

/** The strategic-merge-patch schema of a kind (every built-in kind has one; unknown fields merge generically). */
export function patchSchemaFor(kind: string): PatchSchema {
  return SCHEMAS[kind] ?? generic;
}

/** The metadata of `field` inside an object described by `schema` (an empty schema when untagged). */
export function fieldSchema(schema: PatchSchema | undefined, field: string): PatchSchema {
  return schema?.fields?.[field] ?? schema?.values ?? EMPTY;
}

const EMPTY: PatchSchema = {};
