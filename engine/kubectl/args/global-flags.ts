/**
 * kubectl's global flags (`kubectl options`, v1.32), accepted by every command anywhere on
 * the line.
 */
import type { FlagSpec } from "./flag-spec";

/** The flags `kubectl options` lists, with their types and defaults. */
export const KUBECTL_GLOBAL_FLAGS: readonly FlagSpec[] = [
  { name: "as", type: "string", default: "" },
  { name: "as-group", type: "stringArray", default: [] },
  { name: "as-uid", type: "string", default: "" },
  { name: "cache-dir", type: "string", default: "" },
  { name: "certificate-authority", type: "string", default: "" },
  { name: "client-certificate", type: "string", default: "" },
  { name: "client-key", type: "string", default: "" },
  { name: "cluster", type: "string", default: "" },
  { name: "context", type: "string", default: "" },
  { name: "disable-compression", type: "bool", default: false },
  { name: "insecure-skip-tls-verify", type: "bool", default: false },
  { name: "kubeconfig", type: "string", default: "" },
  { name: "log-flush-frequency", type: "string", default: "5s" },
  { name: "match-server-version", type: "bool", default: false },
  { name: "namespace", short: "n", type: "string", default: "" },
  { name: "password", type: "string", default: "" },
  { name: "profile", type: "string", default: "none" },
  { name: "profile-output", type: "string", default: "profile.pprof" },
  { name: "request-timeout", type: "string", default: "0" },
  { name: "server", short: "s", type: "string", default: "" },
  { name: "tls-server-name", type: "string", default: "" },
  { name: "token", type: "string", default: "" },
  { name: "user", type: "string", default: "" },
  { name: "username", type: "string", default: "" },
  { name: "v", short: "v", type: "int32", intBase: 10, default: 0 },
  { name: "vmodule", type: "string", default: "" },
  { name: "warnings-as-errors", type: "bool", default: false },
];
