/**
 * Objects and `kubectl get … -o go-template` cases compared byte for byte with real kubectl
 * v1.32 (run against a fake API server serving these objects).
 */

/** The objects the fake API server serves (namespace `default`). */
export const OBJECTS: Record<string, unknown>[] = [
  {
    apiVersion: "v1",
    kind: "Secret",
    metadata: { name: "db", namespace: "default", creationTimestamp: "2024-05-01T10:00:00Z", labels: { app: "db" } },
    type: "Opaque",
    data: { password: "czNjcjN0", user: "YWRtaW4=", "ca.crt": "LS0tLS1CRUdJTgpsaW5lMgo=", bad: "@@@", short: "YWRtaW4" },
  },
  {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name: "web-1",
      namespace: "default",
      creationTimestamp: "2024-05-01T10:00:00Z",
      labels: { app: "web", tier: "frontend" },
      annotations: { note: "a <b> & 'c' \"d\"", "ünï": "çødé" },
    },
    spec: {
      nodeName: "node-1",
      containers: [
        { name: "app", image: "nginx:1.27", ports: [{ containerPort: 80, protocol: "TCP" }], resources: { limits: { cpu: "500m", memory: "128Mi" } } },
        { name: "sidecar", image: "busybox:1.36", args: ["sleep", "3600"] },
      ],
      terminationGracePeriodSeconds: 30,
    },
    status: {
      phase: "Running",
      podIP: "10.244.0.5",
      ratio: 0.75,
      big: 1e21,
      tiny: 0.00001,
      containerStatuses: [
        { name: "app", ready: true, restartCount: 3, state: { running: { startedAt: "2024-05-01T10:00:05Z" } } },
        { name: "sidecar", ready: false, restartCount: 0, state: { waiting: { reason: "CrashLoopBackOff" } } },
      ],
    },
  },
  {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "web-2", namespace: "default", creationTimestamp: null, labels: { app: "web" } },
    spec: { containers: [{ name: "app", image: "nginx:1.27" }] },
    status: { phase: "Pending" },
  },
  {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "api", namespace: "default", creationTimestamp: "2024-05-01T10:00:00Z", generation: 4 },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: "api" } },
      template: { metadata: { labels: { app: "api" } }, spec: { containers: [{ name: "api", image: "api:2.0", env: [{ name: "MODE", value: "prod" }, { name: "EMPTY", value: "" }] }] } },
    },
    status: { replicas: 3, readyReplicas: 2, conditions: [{ type: "Available", status: "True" }, { type: "Progressing", status: "True" }] },
  },
  {
    apiVersion: "v1",
    kind: "ConfigMap",
    metadata: { name: "cfg", namespace: "default", creationTimestamp: "2024-05-01T10:00:00Z" },
    data: { "app.properties": "a=1\nb=2\n", empty: "", mode: "debug" },
  },
];

/** One case: `kubectl ARGS`. */
export interface Case {
  args: string[];
}

const get = (target: string[], template: string, ...extra: string[]): Case => ({ args: ["get", ...target, "-o", `go-template=${template}`, ...extra] });
const secret = (t: string, ...extra: string[]) => get(["secret", "db"], t, ...extra);
const pod = (t: string, ...extra: string[]) => get(["pod", "web-1"], t, ...extra);
const pods = (t: string, ...extra: string[]) => get(["pods"], t, ...extra);
const deploy = (t: string, ...extra: string[]) => get(["deployment", "api"], t, ...extra);
const cm = (t: string, ...extra: string[]) => get(["configmap", "cfg"], t, ...extra);

/** The cases. */
export const CASES: Case[] = [
  // Fields, dot, $, printing of values.
  pod("{{.metadata.name}}"),
  pod('{{.metadata.name}}{{"\\n"}}'),
  pod("{{.metadata.labels}}"),
  pod("{{.spec.containers}}"),
  pod("{{.spec.terminationGracePeriodSeconds}} {{.status.ratio}} {{.status.big}} {{.status.tiny}}"),
  pod("{{.status.containerStatuses}}"),
  pod("{{.metadata.nope}}|{{.nope.deeper}}"),
  get(["pod", "web-2"], "{{.metadata.creationTimestamp}}|{{.metadata}}"),
  cm("{{.}}"),
  cm("{{$}}"),
  cm("{{.data}}"),
  cm('{{index .data "app.properties"}}'),
  // Secrets.
  secret("{{.data.password | base64decode}}"),
  secret('{{range $k, $v := .data}}{{$k}}: {{$v}}{{"\\n"}}{{end}}'),
  secret('{{index .data "ca.crt" | base64decode}}'),
  secret("{{base64decode .data.user}}"),
  secret("{{.data.bad | base64decode}}"),
  secret("{{.data.short | base64decode}}"),
  secret("{{.data.nope | base64decode}}"),
  secret("{{.metadata | base64decode}}"),
  secret("{{base64decode 3}}"),
  // Lists and range.
  pods('{{range .items}}{{.metadata.name}}{{"\\n"}}{{end}}'),
  pods("{{range .items}}{{.status.podIP}} {{end}}"),
  pods('{{range $i, $p := .items}}{{$i}}={{$p.metadata.name}};{{end}}'),
  pods('{{range .items}}{{range .spec.containers}}{{.name}}:{{.image}} {{end}}{{end}}'),
  pods("{{range .nope}}x{{else}}empty{{end}}"),
  pods("{{range $x := .items}}{{$x.kind}}{{end}}"),
  pods("{{len .items}} {{.kind}} {{.apiVersion}} {{.metadata}}"),
  pods("{{range .items}}{{if eq .status.phase \"Running\"}}{{.metadata.name}} is up{{else}}{{.metadata.name}} is {{.status.phase}}{{end}}\n{{end}}"),
  pods("{{range .items}}{{.metadata.name}}{{break}}{{end}}|{{range .items}}{{continue}}x{{end}}"),
  pod("{{range 3}}{{.}}{{end}}"),
  pod("{{range .metadata.name}}{{.}}{{end}}"),
  // if / with / else if / variables.
  pod("{{if .status.podIP}}ip={{.status.podIP}}{{end}}"),
  pod("{{if .nope}}yes{{else if .status.phase}}phase{{else}}no{{end}}"),
  pod("{{with .spec.nodeName}}node={{.}}{{else}}unscheduled{{end}}"),
  get(["pod", "web-2"], "{{with .spec.nodeName}}node={{.}}{{else}}unscheduled{{end}}"),
  pod("{{with .nope}}x{{else with .metadata}}{{.name}}{{end}}"),
  pod("{{$n := .metadata.name}}{{$n = printf \"%s!\" $n}}{{$n}}"),
  pod("{{if $x := .metadata.labels.app}}{{$x}}{{end}}"),
  pod("{{- /* a comment */ -}}  {{ .kind -}}  \n  {{- .apiVersion }}"),
  pod("a {{- .kind}} b"),
  pod("{{/* c */}}x{{- /* d */}}"),
  // Functions.
  pod('{{printf "%s/%s %d %v %q %5s|%-5s|%x" .metadata.namespace .metadata.name .status.containerStatuses | len}}'),
  pod('{{printf "%s/%s %d" .metadata.namespace .metadata.name (len .spec.containers)}}'),
  pod('{{printf "%v %q %5s|%-6s|%x %T %T %T" .status.phase .status.phase .metadata.name .status.phase .status.phase .spec.terminationGracePeriodSeconds .status.ratio .metadata.labels}}'),
  pod('{{printf "%d %s %05d %.2f %e %g %t %v" .status.phase .spec.terminationGracePeriodSeconds 42 .status.ratio .status.ratio .status.ratio true .nope}}'),
  pod('{{printf "%s %s" .kind}}|{{printf "%s" .kind .apiVersion}}|{{printf "100%%"}}'),
  pod('{{print .kind 1 2 "a" "b" .status.ratio}}|{{println .kind 3}}|{{print .nope}}'),
  pod("{{html .metadata.annotations.note}}|{{js .metadata.annotations.note}}|{{urlquery .metadata.annotations.note}}"),
  pod("{{len .spec.containers}} {{len .metadata.labels}} {{len .metadata.name}} {{len .metadata.annotations.ünï}}"),
  pod("{{len .spec.terminationGracePeriodSeconds}}"),
  pod("{{index .spec.containers 1 | printf \"%v\"}} {{(index .spec.containers 0).image}} {{index .spec.containers 0 \"name\"}}"),
  pod("{{index .spec.containers 5}}"),
  pod("{{index .spec.containers 2}}"),
  pod('{{index .metadata.labels "nope"}}|{{index .metadata.labels 1}}'),
  pod("{{slice .metadata.name 1 3}} {{slice .spec.containers 1}}"),
  pod('{{eq .status.phase "Running"}} {{eq .status.phase "A" "Running"}} {{ne .kind "Pod"}} {{eq .spec.terminationGracePeriodSeconds 30}} {{eq .nope "x"}}'),
  pod('{{lt 1 2}} {{gt .spec.terminationGracePeriodSeconds 10}} {{le "a" "b"}} {{ge .status.ratio 0.5}}'),
  pod("{{eq .spec.terminationGracePeriodSeconds 30.0}}"),
  pod('{{eq .metadata.name 3}}'),
  pod("{{lt .metadata.labels 3}}"),
  pod("{{and .kind .nope}}|{{or .nope .kind}}|{{not .nope}}|{{and 1 0 2}}|{{or 0 \"\"}}"),
  pod('{{exists . "metadata" "labels" "app"}} {{exists . "nope"}} {{exists .spec.containers 1}} {{exists .spec.containers 9}}'),
  pod("{{.metadata.name | printf \"%s-x\" | printf \"[%s]\"}}"),
  pod("{{(.metadata).name}} {{(index .spec.containers 0).ports}}"),
  pod("{{call .metadata.name}}"),
  deploy("{{.spec.replicas}}/{{.status.readyReplicas}} gen={{.metadata.generation}}"),
  deploy('{{range .status.conditions}}{{.type}}={{.status}}{{"\\n"}}{{end}}'),
  deploy('{{range .spec.template.spec.containers}}{{range .env}}{{.name}}={{.value}};{{end}}{{end}}'),
  deploy('{{define "c"}}<{{.name}}>{{end}}{{range .spec.template.spec.containers}}{{template "c" .}}{{end}}'),
  deploy('{{template "nope"}}'),
  deploy('{{block "b" .kind}}[{{.}}]{{end}}'),
  // Missing keys with --allow-missing-template-keys=false.
  pod("{{.metadata.nope}}", "--allow-missing-template-keys=false"),
  pod("before {{.nope.deeper}} after", "--allow-missing-template-keys=false"),
  pods('{{range .items}}{{.metadata.name}} {{.status.podIP}}{{"\\n"}}{{end}}', "--allow-missing-template-keys=false"),
  pod("{{.metadata.name.x}}"),
  get(["pod", "web-2"], "{{.metadata.creationTimestamp.x}}"),
  pod("{{.metadata.name 1}}"),
  // Parse errors.
  pod("{{.a}"),
  pod("{{.a"),
  pod("{{if .a}}x"),
  pod("{{end}}"),
  pod("{{else}}"),
  pod("{{upper .kind}}"),
  pod("{{$x}}"),
  pod("{{.a | }}"),
  pod("{{}}"),
  pod('{{"abc}}'),
  pod("{{(.a}}"),
  pod("{{.a)}}"),
  pod("{{range $a, $b, $c := .x}}{{end}}"),
  pod("{{.kind | 3}}"),
  pod("{{3 | printf}}"),
  pod('{{"x".y}}'),
  pod("{{/* unclosed"),
  pod("{{/* x */ .kind}}"),
  pod("line1\n{{if .kind}}\n{{.a}\n{{end}}"),
  pod("line1\n{{.kind}}\n{{len .nope}}"),
  pod("{{break}}"),
  pod("{{.kind 'x}}"),
  pod("{{1.5.x}}"),
  pod("{{0x1g}}"),
  pod("{{printf}}"),
  pod("{{not}}"),
  pod("{{eq}}"),
  pod("{{printf \"%d\" .nope.x}}|{{printf 3}}"),
  pod("{{if}}{{end}}"),
  pod("{{.kind := 1}}"),
  pod("{{$x := 1}}{{$x}} {{$x := 2}}{{$x}}"),
  pod("{{range .spec.containers}}{{$.kind}}/{{.name}} {{end}}"),
  pod("{{with $x := .spec.containers}}{{len $x}}{{end}}"),
  // Output formats and flags.
  { args: ["get", "pod", "web-1", "-o", "template={{.kind}}"] },
  { args: ["get", "pod", "web-1", "-o", "go-template", "--template={{.metadata.name}}"] },
  { args: ["get", "pod", "web-1", "-o", "template", "--template", "{{.metadata.name}}"] },
  { args: ["get", "pod", "web-1", "--template={{.metadata.name}}"] },
  { args: ["get", "pod", "web-1", "-o", "go-template"] },
  { args: ["get", "pod", "web-1", "-o", "go-template="] },
  { args: ["get", "pod", "web-1", "-o", "go-template-file=/no/such.tmpl"] },
  { args: ["get", "pod", "web-1", "-o", "templatefile", "--template=/no/such.tmpl"] },
  { args: ["get", "pod", "web-1", "-o", "go-template={{.kind}}", "--template={{.metadata.name}}"] },
  { args: ["get", "pods,secrets", "-o", "go-template={{range .items}}{{.kind}}/{{.metadata.name}} {{end}}"] },
  { args: ["get", "pod", "web-1", "web-2", "-o", "go-template={{.kind}}:{{len .items}}"] },
  { args: ["get", "pod", "web-1", "nope", "-o", "go-template={{range .items}}{{.metadata.name}}{{end}}"] },
];
