#!/usr/bin/env python3
"""Run the real kubectl v1.32 `explain` against a fake API server that serves our schema data.

The fake server turns engine/kubectl/explain/schema-data.json back into Kubernetes-shaped
OpenAPI v3 documents (allOf/$ref for references, items for arrays, additionalProperties for
maps, oneOf types for IntOrString/Quantity) plus legacy discovery, so kubectl's own template
renders the same field documentation our engine renders. Used to write golden files.

Usage: explain-oracle.py KUBECTL-ARGS...   e.g. explain-oracle.py explain pod.spec
       explain-oracle.py --write-goldens   writes golden/<case>.txt for every case in cases.json
Golden format: stdout, then `[stderr]` and stderr when there is any, then `[exit N]` when N != 0
(the test file formats the engine's result the same way).
"""
import json, os, subprocess, sys, tempfile, threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlparse

HERE = os.path.dirname(os.path.realpath(__file__))
DATA = json.load(open(os.path.join(HERE, "../../../engine/kubectl/explain/schema-data.json")))
KINDS = [  # kind, resource, namespaced, shortNames (engine/model/kinds.ts)
    ("ConfigMap", "configmaps", True, ["cm"]), ("Endpoints", "endpoints", True, ["ep"]),
    ("Event", "events", True, ["ev"]), ("Namespace", "namespaces", False, ["ns"]),
    ("Node", "nodes", False, ["no"]), ("PersistentVolumeClaim", "persistentvolumeclaims", True, ["pvc"]),
    ("PersistentVolume", "persistentvolumes", False, ["pv"]), ("Pod", "pods", True, ["po"]),
    ("Secret", "secrets", True, []), ("ServiceAccount", "serviceaccounts", True, ["sa"]),
    ("Service", "services", True, ["svc"]), ("DaemonSet", "daemonsets", True, ["ds"]),
    ("Deployment", "deployments", True, ["deploy"]), ("ReplicaSet", "replicasets", True, ["rs"]),
    ("StatefulSet", "statefulsets", True, ["sts"]), ("CronJob", "cronjobs", True, ["cj"]),
    ("Job", "jobs", True, []), ("StorageClass", "storageclasses", False, ["sc"]),
]


def field_schema(t, top=True):
    if t.startswith("[]"):
        return {"type": "array", "items": field_schema(t[2:], False)}
    if t.startswith("map[string]"):
        return {"type": "object", "additionalProperties": field_schema(t[len("map[string]"):], False)}
    if t.startswith("@"):
        ref = {"$ref": "#/components/schemas/" + t[1:]}
        return {"allOf": [ref]} if top else ref
    if t == "object":
        return {"type": "object"}
    return {"type": t}


def component(name, d):
    out = {}
    if "d" in d:
        out["description"] = d["d"]
    if d.get("type") == "":
        out["oneOf"] = [{"type": "string"}, {"type": "number"}]
    elif "type" in d:
        out["type"] = d["type"]
    else:
        out["type"] = "object"
    if "p" in d:
        props = {}
        for k, f in d["p"].items():
            s = field_schema(f["t"])
            if "d" in f:
                s["description"] = f["d"]
            if "e" in f:
                s["enum"] = f["e"]
            props[k] = s
        out["properties"] = props
    if "r" in d:
        out["required"] = d["r"]
    return out


def documents():
    schemas = {n: component(n, d) for n, d in DATA["defs"].items()}
    docs = {}
    for kind, res, ns, _ in KINDS:
        k = DATA["kinds"][kind]
        gvk = {"group": k["group"], "kind": kind, "version": k["version"]}
        schemas[k["ref"]]["x-kubernetes-group-version-kind"] = [gvk]
        key = "api/v1" if k["group"] == "" else f"apis/{k['group']}/{k['version']}"
        doc = docs.setdefault(key, {"openapi": "3.0.0", "info": {"title": "Kubernetes", "version": "v1.32.4"},
                                    "paths": {}, "components": {"schemas": schemas}})
        path = "/" + key + ("/namespaces/{namespace}/" if ns else "/") + res
        doc["paths"][path] = {"get": {"x-kubernetes-group-version-kind": gvk}}
    return docs


def serve():
    docs = documents()
    groups = {}
    for kind, res, ns, sn in KINDS:
        k = DATA["kinds"][kind]
        gv = "v1" if k["group"] == "" else f"{k['group']}/{k['version']}"
        groups.setdefault(gv, []).append({"name": res, "singularName": kind.lower(), "namespaced": ns, "kind": kind,
                                           "shortNames": sn, "verbs": ["get", "list"]})

    class H(BaseHTTPRequestHandler):
        def log_message(self, *a):
            pass

        def _json(self, code, body):
            data = json.dumps(body).encode()
            self.send_response(code)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self):
            p = urlparse(self.path).path.rstrip("/")
            if p == "/api":
                return self._json(200, {"kind": "APIVersions", "versions": ["v1"],
                                        "serverAddressByClientCIDRs": [{"clientCIDR": "0.0.0.0/0", "serverAddress": "127.0.0.1"}]})
            if p == "/apis":
                return self._json(200, {"kind": "APIGroupList", "apiVersion": "v1", "groups": [
                    {"name": gv.split("/")[0], "versions": [{"groupVersion": gv, "version": gv.split("/")[1]}],
                     "preferredVersion": {"groupVersion": gv, "version": gv.split("/")[1]}}
                    for gv in groups if "/" in gv]})
            for gv, res in groups.items():
                if p == ("/api/v1" if gv == "v1" else "/apis/" + gv):
                    return self._json(200, {"kind": "APIResourceList", "apiVersion": "v1", "groupVersion": gv, "resources": res})
            if p == "/openapi/v3":
                return self._json(200, {"paths": {k: {"serverRelativeURL": f"/openapi/v3/{k}?hash=0"} for k in docs}})
            if p.startswith("/openapi/v3/") and p[len("/openapi/v3/"):] in docs:
                return self._json(200, docs[p[len("/openapi/v3/"):]])
            if p == "/version":
                return self._json(200, {"major": "1", "minor": "32", "gitVersion": "v1.32.4"})
            return self._json(404, {"kind": "Status", "apiVersion": "v1", "status": "Failure", "reason": "NotFound", "code": 404})

    srv = ThreadingHTTPServer(("127.0.0.1", 0), H)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    return srv.server_address[1], srv.shutdown


def golden_text(stdout, stderr, code):
    text = stdout
    if stderr:
        text += "[stderr]\n" + stderr
    if code != 0:
        text += f"[exit {code}]\n"
    return text


if __name__ == "__main__":
    kubectl = os.environ.get("KUBECTL", "/usr/lib/google-cloud-sdk/bin/kubectl.1.32")
    port, stop = serve()
    try:
        home = tempfile.mkdtemp()
        env = dict(os.environ, HOME=home, TZ="UTC", KUBECONFIG=os.path.join(home, "none"))
        if sys.argv[1:] == ["--write-goldens"]:
            cases = json.load(open(os.path.join(HERE, "cases.json")))
            os.makedirs(os.path.join(HERE, "golden"), exist_ok=True)
            for name, line in cases.items():
                args = line.split(" ")[1:]
                r = subprocess.run([kubectl, f"--server=http://127.0.0.1:{port}", "explain", *args], env=env, capture_output=True, text=True)
                with open(os.path.join(HERE, "golden", name + ".txt"), "w") as f:
                    f.write(golden_text(r.stdout, r.stderr, r.returncode))
            sys.exit(0)
        r = subprocess.run([kubectl, f"--server=http://127.0.0.1:{port}", *sys.argv[1:]], env=env)
        sys.exit(r.returncode)
    finally:
        stop()
