/**
 * What a namespace gets in a real cluster: status `Active`, the
 * `kubernetes.io/metadata.name` label (the API server sets it), the `default` ServiceAccount
 * (serviceaccounts-controller) and the `kube-root-ca.crt` ConfigMap (root-ca-cert-publisher).
 * A namespace with a deletion timestamp turns `Terminating`, has its contents deleted, and
 * goes away once empty (the namespace controller's finalizer).
 */
import type { ConfigMap, KObject, Namespace, Pod, ServiceAccount } from "../../model/types";
import { KINDS } from "../../model/kinds";
import type { Controller, ControllerContext } from "../../runtime/controller";
import { skipWhenUnchanged } from "../skip-when-unchanged";
import type { Random } from "../../runtime/random";
import { requestPodDeletion } from "../pod-deletion";

/** The label the API server puts on every namespace, with the namespace's name as value. */
export const NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";
/** Name of the ConfigMap holding the cluster CA in every namespace. */
export const ROOT_CA_CONFIGMAP = "kube-root-ca.crt";
/** The description the root-ca-cert-publisher puts on that ConfigMap. */
export const ROOT_CA_DESCRIPTION =
  "Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.";

const CONTROLLER = "namespace";
const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** A PEM block shaped like a kubeadm cluster CA certificate (random body, fixed header). */
export function fakeCaCertificate(rng: Random): string {
  // The DER prefix of a kubeadm CA ("MIIDBTCCAe2gAwIBAgII") followed by random base64 lines.
  let body = "MIIDBTCCAe2gAwIBAgII" + rng.chars(1024 - 20, BASE64);
  body = body.slice(0, 1028) + "==";
  const lines: string[] = [];
  for (let i = 0; i < body.length; i += 64) lines.push(body.slice(i, i + 64));
  return `-----BEGIN CERTIFICATE-----\n${lines.join("\n")}\n-----END CERTIFICATE-----\n`;
}

function ensureNamespaceMeta(ctx: ControllerContext, ns: Namespace): void {
  const terminating = !!ns.metadata.deletionTimestamp;
  const phase = terminating ? "Terminating" : "Active";
  let changed = false;
  if (ns.metadata.labels?.[NAMESPACE_NAME_LABEL] !== ns.metadata.name) {
    ns.metadata.labels = { ...(ns.metadata.labels ?? {}), [NAMESPACE_NAME_LABEL]: ns.metadata.name };
    changed = true;
  }
  if (!ns.spec) {
    ns.spec = { finalizers: ["kubernetes"] };
    changed = true;
  }
  if (ns.status?.phase !== phase) {
    ns.status = { ...(ns.status ?? {}), phase };
    changed = true;
  }
  if (changed) ctx.store.touch(ns);
}

function ensureDefaults(ctx: ControllerContext, ns: Namespace): void {
  const name = ns.metadata.name;
  if (!ctx.store.get("ServiceAccount", name, "default")) {
    const sa: ServiceAccount = { apiVersion: "v1", kind: "ServiceAccount", metadata: { name: "default", namespace: name } };
    ctx.store.create(sa);
  }
  if (!ctx.store.get("ConfigMap", name, ROOT_CA_CONFIGMAP)) {
    const ca = ctx.state(CONTROLLER, "ca.crt", () => fakeCaCertificate(ctx.rng));
    const cm: ConfigMap = {
      apiVersion: "v1",
      kind: "ConfigMap",
      metadata: { name: ROOT_CA_CONFIGMAP, namespace: name, annotations: { "kubernetes.io/description": ROOT_CA_DESCRIPTION } },
      data: { "ca.crt": ca },
    };
    ctx.store.create(cm);
  }
}

/** Deletes what is left in a terminating namespace; returns true once it is empty. */
function drain(ctx: ControllerContext, ns: Namespace): boolean {
  let empty = true;
  for (const k of KINDS) {
    if (!k.namespaced) continue;
    for (const obj of ctx.store.list<KObject>(k.kind, ns.metadata.name)) {
      empty = false;
      if (obj.kind === "Pod") requestPodDeletion(ctx.store, obj as Pod, ctx.now);
      else if (obj.kind !== "Event" || !obj.metadata.deletionTimestamp) ctx.store.remove(obj.kind, obj.metadata.namespace, obj.metadata.name);
    }
  }
  return empty;
}

const INPUT_KINDS = ["Namespace", "ServiceAccount", "ConfigMap"] as const;

/**
 * What the controller reads: Namespaces and the defaults it publishes in them, except while a
 * namespace terminates, when it drains every kind (and then runs on every pass).
 */
function inputKinds(ctx: ControllerContext): readonly string[] | undefined {
  return ctx.store.some<Namespace>("Namespace", (ns) => !!ns.metadata.deletionTimestamp) ? undefined : INPUT_KINDS;
}

/** The namespace controller (plus the service-account and root-CA publishers). */
export const namespaceController = skipWhenUnchanged({
  name: CONTROLLER,
  reconcile(ctx: ControllerContext): void {
    for (const ns of ctx.store.list<Namespace>("Namespace")) {
      ensureNamespaceMeta(ctx, ns);
      if (ns.metadata.deletionTimestamp) {
        if (drain(ctx, ns)) ctx.store.remove("Namespace", undefined, ns.metadata.name);
        continue;
      }
      ensureDefaults(ctx, ns);
    }
  },
} satisfies Controller, { kinds: inputKinds, clock: false });
