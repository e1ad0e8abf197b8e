#!/usr/bin/env bash
# Releases an image of crashcourse to the current kubectl context:
#   1. applies the namespace and settings, checks the Secret exists;
#   2. runs the migration Job with the new image and waits for it to succeed;
#   3. applies the Deployment (and the rest) with that image and waits for the rollout.
# A failed migration stops here: the running replicas keep serving the old version.
#
# Usage: deploy/rollout.sh <image>     e.g. deploy/rollout.sh registry.example.com/crashcourse:0.2.0
set -euo pipefail

image="${1:?usage: deploy/rollout.sh <image>}"
here="$(cd "$(dirname "$0")/kubernetes" && pwd)"
namespace=crashcourse
placeholder='registry.example.com/crashcourse:0.1.0'
with_image() { sed "s|image: ${placeholder}|image: ${image}|" "$@"; }

kubectl apply -f "$here/namespace.yaml" -f "$here/configmap.yaml"
if ! kubectl -n "$namespace" get secret crashcourse >/dev/null 2>&1; then
  echo "Secret ${namespace}/crashcourse is missing: create it first (deploy/kubernetes/secret.example.yaml)." >&2
  exit 1
fi

echo "--- migrating the database with ${image}"
kubectl -n "$namespace" delete job crashcourse-migrate --ignore-not-found --wait=true
with_image "$here/migrate-job.yaml" | kubectl apply -f -
while :; do
  succeeded="$(kubectl -n "$namespace" get job crashcourse-migrate -o jsonpath='{.status.succeeded}')"
  failed="$(kubectl -n "$namespace" get job crashcourse-migrate -o jsonpath='{.status.conditions[?(@.type=="Failed")].status}')"
  if [ "${succeeded:-0}" -ge 1 ]; then break; fi
  if [ "$failed" = "True" ]; then
    kubectl -n "$namespace" logs job/crashcourse-migrate --tail=50 >&2 || true
    echo "The migration Job failed: not rolling out." >&2
    exit 1
  fi
  sleep 3
done
kubectl -n "$namespace" logs job/crashcourse-migrate --tail=20 || true

echo "--- rolling out ${image}"
kubectl kustomize "$here" | with_image | kubectl apply -f -
kubectl -n "$namespace" rollout status deployment/crashcourse --timeout=10m
