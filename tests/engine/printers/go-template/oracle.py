#!/usr/bin/env python3
"""Runs real kubectl v1.32 `get ... -o go-template` for many cases against one fake API server.

stdin: {"objects": [...], "cases": [{"args": [...]}, ...]}
stdout: [{"stdout": ..., "stderr": ..., "code": ...}, ...]
"""
import json, os, subprocess, sys, tempfile
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, "/work/shared/tools")
import fakeapi  # noqa: E402

req = json.load(sys.stdin)
kubectl = os.environ.get("KUBECTL", "/usr/lib/google-cloud-sdk/bin/kubectl.1.32")
port, stop = fakeapi.serve(req["objects"])
home = tempfile.mkdtemp()
env = dict(os.environ, HOME=home, TZ="UTC", KUBECONFIG=os.path.join(home, "none"))


def run(case):
    r = subprocess.run([kubectl, f"--server=http://127.0.0.1:{port}", *case["args"]], env=env, capture_output=True)
    return {"stdout": r.stdout.decode("utf-8", "replace"), "stderr": r.stderr.decode("utf-8", "replace"), "code": r.returncode}


try:
    with ThreadPoolExecutor(max_workers=2) as ex:
        out = list(ex.map(run, req["cases"]))
finally:
    stop()
json.dump(out, sys.stdout)
