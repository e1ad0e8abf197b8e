/** A shop namespace using every standard kind the simulation stores, for the standard-kinds tests. */

/** Manifests: a Deployment with a Service, and an object of each standard kind around them. */
export const STANDARD_WORLD = `
apiVersion: v1
kind: Namespace
metadata: { name: shop }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: shop }
spec:
  replicas: 2
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
        - name: nginx
          image: "nginx:1.27"
          ports: [{ containerPort: 80, name: http }]
          resources: { requests: { cpu: 100m, memory: 64Mi }, limits: { memory: 128Mi } }
---
apiVersion: v1
kind: Service
metadata: { name: web, namespace: shop, labels: { app: web } }
spec:
  selector: { app: web }
  ports: [{ name: http, port: 80, targetPort: http }]
---
apiVersion: v1
kind: Service
metadata: { name: api, namespace: shop }
spec:
  selector: { app: api }
  ports: [{ port: 8080 }]
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: web, namespace: shop, labels: { team: shop } }
spec:
  ingressClassName: nginx
  tls: [{ hosts: [shop.example.com], secretName: shop-tls }]
  rules:
    - host: shop.example.com
      http:
        paths:
          - { path: /, pathType: Prefix, backend: { service: { name: web, port: { number: 80 } } } }
          - { path: /api, pathType: Prefix, backend: { service: { name: api, port: { number: 8080 } } } }
          - { path: /old, pathType: Exact, backend: { service: { name: gone, port: { name: http } } } }
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: web-allow-frontend, namespace: shop }
spec:
  podSelector: { matchLabels: { app: web } }
  policyTypes: [Ingress, Egress]
  ingress:
    - from:
        - podSelector: { matchLabels: { role: frontend } }
        - namespaceSelector: { matchLabels: { team: ops } }
          podSelector: { matchLabels: { app: prometheus } }
      ports: [{ port: 80 }, { port: http, protocol: TCP }]
    - from: [{ ipBlock: { cidr: 10.0.0.0/8, except: [10.1.0.0/16] } }]
  egress:
    - to: [{ namespaceSelector: {} }]
      ports: [{ port: 53, protocol: UDP }]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: default-deny, namespace: shop }
spec:
  podSelector: {}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: { name: web, namespace: shop }
spec:
  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: web }
  minReplicas: 2
  maxReplicas: 6
  metrics:
    - type: Resource
      resource: { name: cpu, target: { type: Utilization, averageUtilization: 70 } }
    - type: Resource
      resource: { name: memory, target: { type: AverageValue, averageValue: 200Mi } }
  behavior:
    scaleDown: { stabilizationWindowSeconds: 60 }
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: { name: worker, namespace: shop }
spec:
  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: worker }
  maxReplicas: 3
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: { name: web, namespace: shop }
spec:
  minAvailable: 2
  selector: { matchLabels: { app: web } }
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: { name: web-max, namespace: shop }
spec:
  maxUnavailable: 50%
  selector: { matchLabels: { app: web } }
---
apiVersion: v1
kind: ResourceQuota
metadata: { name: compute, namespace: shop }
spec:
  hard: { pods: "10", requests.cpu: "2", requests.memory: 1Gi, limits.memory: 2Gi, limits.cpu: "4", services: "5" }
---
apiVersion: v1
kind: LimitRange
metadata: { name: limits, namespace: shop }
spec:
  limits:
    - type: Container
      max: { cpu: "2", memory: 1Gi }
      default: { cpu: 500m }
      defaultRequest: { memory: 128Mi }
    - type: Pod
      max: { cpu: "4" }
---
apiVersion: v1
kind: ReplicationController
metadata: { name: legacy, namespace: shop }
spec:
  replicas: 1
  template:
    metadata: { labels: { app: legacy } }
    spec:
      containers: [{ name: app, image: "busybox:1.36", command: [sleep, "3600"] }]
---
apiVersion: v1
kind: PodTemplate
metadata: { name: batch, namespace: shop }
template:
  metadata: { labels: { app: batch } }
  spec:
    containers: [{ name: app, image: "busybox:1.36" }]
---
apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata: { name: shop-high }
value: 100000
description: Customer-facing workloads.
---
apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata: { name: nginx }
spec:
  controller: k8s.io/ingress-nginx
  parameters: { apiGroup: k8s.example.com, kind: IngressParameters, name: external-lb }
`;
