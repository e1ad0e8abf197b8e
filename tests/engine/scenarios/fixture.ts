/** A small valid scenario file for the loader and grading unit tests. */
export const FIXTURE_YAML = `
id: fixture-typo
title: Fixture
family: image-pull
difficulty: 1
tags: [test]
brief: The {{ app }} pods in {{ ns }} do not start.
params:
  variants:
    - name: a
      values: { app: web, ns: shop, tag: "1.27" }
    - name: b
      values: { app: api, ns: team-a, tag: "1.26" }
    - name: c
      values: { app: front, ns: front, tag: "1.25" }
  choices:
    replicas: [2, 3]
manifests: |
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: {{ app }}
    namespace: {{ ns }}
  spec:
    replicas: {{ replicas }}
    selector:
      matchLabels: { app: {{ app }} }
    template:
      metadata:
        labels: { app: {{ app }} }
      spec:
        containers:
          - name: app
            image: nginx:{{ tag }}-typo
  ---
  apiVersion: v1
  kind: Secret
  metadata: { name: creds, namespace: {{ ns }} }
  stringData: { password: "{{ app }}-pw" }
hints:
  - Look at the events of a pod.
  - text: The image tag does not exist.
    when: { kind: podsNotIn, namespace: "{{ ns }}", statuses: [Pending] }
    otherwise: Pods are pending first.
  - Set the image to nginx:{{ tag }}.
checks:
  - id: healthy
    kind: workloadHealthy
    name: "{{ app }}"
    namespace: "{{ ns }}"
    minReplicas: "{{ replicas }}"
    message: The {{ app }} pods still do not run
  - id: same
    kind: sameUid
    object: Deployment
    name: "{{ app }}"
    namespace: "{{ ns }}"
  - id: image
    kind: imageIs
    name: "{{ app }}"
    namespace: "{{ ns }}"
    container: app
    pattern: "nginx:1\\\\.2[5-7]"
  - id: looked
    kind: diagnosed
    anyOf:
      - { command: describe, kinds: [Pod] }
      - { command: get, kinds: [Event] }
par: 4
explanation: The tag has a typo.
solution:
  - kubectl -n {{ ns }} set image deployment/{{ app }} app=nginx:{{ tag }}
nonFixes:
  - name: delete-recreate
    commands:
      - kubectl -n {{ ns }} delete deployment {{ app }}
    fails: [same]
`;
