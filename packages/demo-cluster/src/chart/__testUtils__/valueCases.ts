/**
 * Values files beyond the template's examples, one per way of configuring the chart that
 * our renderer never writes (chart-created Secret, lookup, Vault, ...): the contract test
 * renders each with the real chart too. Every credential in them is an obvious fake.
 */
export const VALUE_CASES: Record<string, { release: string; values: string }> =
  {
    'chart-created Secret, default keys, big numbers': {
      release: 'portkey-ai',
      values: `
serviceAccount:
  name: portkey-runner
environment:
  data:
    PORTKEY_CLIENT_AUTH: fake-client-auth
    ORGANISATIONS_TO_SYNC: org-1
    LOG_STORE: s3
    LOG_STORE_ACCESS_KEY: fake-access-key
    REQUEST_TIMEOUT: 1000000
    LOG_STORE_AWS_EXTERNAL_ID: 1234567
    MCP_PORT: 999999
    REDIS_TLS_ENABLED: false
    MONGO_DATABASE: null
`,
    },
    'chart-created ConfigMap, custom cache': {
      release: 'edge',
      values: `
serviceAccount: {create: true, annotations: {eks.amazonaws.com/role-arn: "arn:aws:iam::123456789012:role/edge"}}
environment:
  secret: false
  data:
    CACHE_STORE: custom
    REDIS_URL: redis://cache.internal:6379
    SERVER_MODE: ""
`,
    },
    'existing Secret without secretKeys (lookup)': {
      release: 'lookup-gateway',
      values: `
serviceAccount: {name: sa}
environment:
  create: false
  existingSecret: portkey-secrets
  data:
    PORTKEY_CLIENT_AUTH: fake-client-auth
    ANALYTICS_STORE: control_plane
dataservice: {enabled: true, serviceAccount: {name: sa}}
`,
    },
    'no env source: envFrom and extraEnv only': {
      release: 'bare',
      values: `
serviceAccount: {name: sa}
environment:
  create: false
envFrom:
  - secretRef: {name: eso-managed}
extraEnv:
  - name: EXTRA
    value: "1"
  - name: POD_IP
    valueFrom: {fieldRef: {fieldPath: status.podIP}}
imageCredentials: []
imagePullSecrets: [plain-name, {name: object-name}, plain-name]
`,
    },
    'Vault injection': {
      release: 'vaulted',
      values: `
serviceAccount: {name: sa}
useVaultInjection: true
vaultConfig: {kubernetesSecret: vault-gateway, role: gateway-role}
dataservice: {enabled: true, serviceAccount: {name: sa}}
`,
    },
    'MCP and gateway, host-based ingress, autoscaling': {
      release: 'mcp-gateway',
      values: `
serviceAccount: {create: true}
environment:
  data: {SERVER_MODE: all, MCP_PORT: "8799"}
mcpService: {enabled: true, containerPort: 9000, annotations: {a: b}}
ingress: {enabled: true, hostname: gw.example.test, hostBased: true, tls: [{hosts: [gw.example.test], secretName: gw-tls}]}
autoscaling: {enabled: true, targetMemoryUtilizationPercentage: null}
startupProbe: {httpGet: {path: /v1/health}, failureThreshold: 30}
`,
    },
    'MCP only, path ingress': {
      release: 'mcp',
      values: `
serviceAccount: {name: sa}
environment:
  create: false
  existingSecret: s
  secretKeys: [PORTKEY_CLIENT_AUTH]
  data: {SERVER_MODE: mcp, CACHE_STORE: aws-elastic-cache}
ingress: {enabled: true, hostname: mcp.example.test}
`,
    },
    'overrides: names, labels, annotations, autoRestart, data service account and HPA':
      {
        release: 'acme',
        values: `
nameOverride: portkey
selectorLabels: {team: ai}
podLabels: {tier: edge}
podAnnotations: {note: hello}
autoRestart: true
service: {annotations: {owner: platform}, additionalLabels: {extra: "yes"}, type: LoadBalancer, containerPort: 9999}
serviceAccount: {create: true, name: acme-sa, labels: {sa: label}}
dataservice:
  enabled: true
  env: {DEBUG_ENABLED: true}
  deployment: {labels: {ds: label}, annotations: {ds: note}}
  serviceAccount: {create: true}
  autoscaling: {enabled: true, createHpa: true}
  service: {loadBalancerIP: 10.0.0.9}
imageCredentials:
  - {name: fake-registry, create: true, registry: https://registry.example.test, username: fake-user, password: fake-password}
  - {name: fake-token-registry, create: true, registry: r.example.test, auth: ZmFrZTp0b2tlbg==}
  - {name: not-created, create: false}
`,
      },
    'fullnameOverride, probes, volumes, sidecars, DNS': {
      release: 'x',
      values: `
fullnameOverride: my-portkey-gateway-
serviceAccount: {name: sa}
replicaCount: 3
strategy: {type: Recreate}
resources: {limits: {cpu: 500m}}
livenessProbe: {httpGet: {path: /v1/health, port: 8080}}
readinessProbe: null
volumes: [{name: shared-folder, configMap: {name: resource-config}}]
volumeMounts: [{name: shared-folder, mountPath: /etc/shared/document_db.pem, subPath: document_db.pem}]
sidecars: [{name: proxy, image: nginx:1.27-alpine}]
terminationGracePeriodSeconds: 30
dnsPolicy: None
dnsConfig: {nameservers: [10.0.0.10]}
hostAlias: [{ip: 127.0.0.1, hostnames: [local.test]}]
nodeSelector: {disk: ssd}
tolerations: [{key: k, operator: Exists}]
extraContainerConfig: {workingDir: /tmp}
`,
    },
    'explicit mode with the default keys left nil (SERVER_MODE reads <nil>)': {
      release: 'nil-mode',
      values: `
serviceAccount: {name: sa}
environment:
  create: false
  existingSecret: portkey-secrets
  secretKeys: [PORTKEY_CLIENT_AUTH, NOT_IN_DATA]
  data: {EXTRA: null}
dataservice: {enabled: true, serviceAccount: {name: sa}}
`,
    },
    'SERVER_MODE gateway runs no server': {
      release: 'broken-gateway',
      values: `
serviceAccount: {name: sa}
environment:
  data: {SERVER_MODE: gateway}
`,
    },
  };
