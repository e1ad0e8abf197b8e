/**
 * Who a kubectl command acts as: kind's admin kubeconfig (`kubernetes-admin`, in kubeadm's
 * `kubeadm:cluster-admins` group), or the user `--as`/`--as-group` impersonate, with the
 * groups the API server's impersonation filter gives them.
 */
import type { ParsedArgs } from "../../command";
import { flagString, flagStrings } from "../../args";
import { SERVICE_ACCOUNT_USER_PREFIX, serviceAccountGroups, type UserInfo } from "../../../model/rbac-authorizer";

/** The user of kind's admin kubeconfig (its client certificate's CN and O). */
export const KIND_ADMIN: Readonly<UserInfo> = Object.freeze({ name: "kubernetes-admin", groups: ["kubeadm:cluster-admins", "system:authenticated"] });

/** The group the API server's authorizer lets through unconditionally. */
export const PRIVILEGED_GROUP = "system:masters";

/** The acting user, or kubectl's client-side error for `--as-group` without `--as`. */
export function actingUser(args: ParsedArgs): { ok: true; user: UserInfo } | { ok: false; error: string } {
  const as = flagString(args.flags, "as");
  const asGroups = flagStrings(args.flags, "as-group");
  if (as === "") {
    if (asGroups.length > 0) return { ok: false, error: "error: requesting uid, groups or user-extra for  without impersonating a user\n" };
    return { ok: true, user: { name: KIND_ADMIN.name, groups: [...KIND_ADMIN.groups] } };
  }
  let groups = [...asGroups];
  if (asGroups.length === 0 && as.startsWith(SERVICE_ACCOUNT_USER_PREFIX)) {
    const parts = as.slice(SERVICE_ACCOUNT_USER_PREFIX.length).split(":");
    if (parts.length === 2) groups = serviceAccountGroups(parts[0]);
  }
  if (as !== "system:anonymous" && !groups.includes("system:authenticated") && !groups.includes("system:unauthenticated")) groups.push("system:authenticated");
  return { ok: true, user: { name: as, groups } };
}
