/**
 * The Kubernetes manifests and the serving image of examples/project fit together: a Deployment and a
 * Service whose selectors match the pod labels, a readiness probe on serve.py's /healthz, the
 * Service's targetPort on the container's port, the ConfigMap and Secret that deploy.yml provides,
 * and the placeholders deploy.yml substitutes.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { ROOT } from './helpers.js';

const K8S = path.join(ROOT, 'examples/project/k8s');
const PROJECT = path.join(ROOT, 'examples/project');

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Obj = any;

function load(file: string): Obj[] {
  const docs = parseAllDocuments(readFileSync(path.join(K8S, file), 'utf8'));
  for (const d of docs) expect(d.errors).toEqual([]);
  return docs.map((d) => d.toJS());
}

const [deployment] = load('deployment.yaml');
const [service] = load('service.yaml');
const [configMap] = load('configmap.yaml');
const pod = deployment.spec.template;
const container = pod.spec.containers[0];
const deployYml = readFileSync(path.join(ROOT, 'examples/workflows/deploy.yml'), 'utf8');

const matches = (selector: Record<string, string>, labels: Record<string, string>) =>
  Object.keys(selector).length > 0 && Object.entries(selector).every(([k, v]) => labels[k] === v);

test('each file is one object of the expected kind and API version', () => {
  expect(load('deployment.yaml')).toHaveLength(1);
  expect([deployment.apiVersion, deployment.kind]).toEqual(['apps/v1', 'Deployment']);
  expect([service.apiVersion, service.kind]).toEqual(['v1', 'Service']);
  expect([configMap.apiVersion, configMap.kind]).toEqual(['v1', 'ConfigMap']);
  for (const o of [deployment, service, configMap]) expect(o.metadata.name).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
});

test('the Deployment selects its own pods, and the Service selects them too', () => {
  expect(matches(deployment.spec.selector.matchLabels, pod.metadata.labels)).toBe(true);
  expect(matches(service.spec.selector, pod.metadata.labels)).toBe(true);
  expect(deployment.spec.replicas).toBeGreaterThanOrEqual(2);
  expect(deployment.spec.strategy.rollingUpdate.maxUnavailable).toBe(0);
});

test('the readiness probe asks serve.py for /healthz on the container port', () => {
  const serve = readFileSync(path.join(PROJECT, 'serve.py'), 'utf8');
  expect(container.readinessProbe.httpGet.path).toBe('/healthz');
  expect(serve).toContain('"/healthz"');
  const port = container.ports[0];
  expect([port.containerPort, port.name]).toContain(container.readinessProbe.httpGet.port);
  expect(container.livenessProbe.httpGet.path).toBe('/healthz');
});

test("the Service's targetPort is the container's port, which the image exposes", () => {
  const port = container.ports[0];
  const target = service.spec.ports[0].targetPort;
  expect(typeof target === 'number' ? target === port.containerPort : target === port.name).toBe(true);
  const dockerfile = readFileSync(path.join(PROJECT, 'Dockerfile.serve'), 'utf8');
  expect(dockerfile).toMatch(new RegExp(`^EXPOSE ${port.containerPort}$`, 'm'));
  expect(dockerfile).toMatch(new RegExp(`PORT=${port.containerPort}\\b`));
});

test('the image and version are the placeholders deploy.yml substitutes', () => {
  expect(container.image).toBe('${IMAGE}');
  expect(container.env.find((e: Obj) => e.name === 'MODEL_VERSION').value).toBe('${MODEL_VERSION}');
  expect(deployYml).toContain("envsubst '${IMAGE} ${MODEL_VERSION}' < \"$PROJECT/k8s/deployment.yaml\"");
});

test('the config is mounted from the ConfigMap, the token from the Secret deploy.yml creates', () => {
  const volume = pod.spec.volumes.find((v: Obj) => v.configMap);
  expect(volume.configMap.name).toBe(configMap.metadata.name);
  const mount = container.volumeMounts.find((m: Obj) => m.name === volume.name);
  const configPath = container.env.find((e: Obj) => e.name === 'CONFIG_PATH').value;
  expect(path.posix.dirname(configPath)).toBe(mount.mountPath);
  expect(Object.keys(configMap.data)).toContain(path.posix.basename(configPath));
  expect(JSON.parse(configMap.data['config.json'])).toEqual({ threshold: 0.5, max_instances: 1000 });
  const secret = container.env.find((e: Obj) => e.name === 'API_TOKEN').valueFrom.secretKeyRef;
  expect(deployYml).toContain(`kubectl create secret generic ${secret.name} --from-literal=${secret.key}=`);
});

test('the container runs as the non-root user the image sets', () => {
  const dockerfile = readFileSync(path.join(PROJECT, 'Dockerfile.serve'), 'utf8');
  expect(pod.spec.securityContext.runAsNonRoot).toBe(true);
  expect(dockerfile).toMatch(new RegExp(`^USER ${pod.spec.securityContext.runAsUser}$`, 'm'));
  expect(container.securityContext.allowPrivilegeEscalation).toBe(false);
});

test("the Dockerfile copies files that exist (the model comes from deploy.yml's artifact)", () => {
  const dockerfile = readFileSync(path.join(PROJECT, 'Dockerfile.serve'), 'utf8');
  const sources = [...dockerfile.matchAll(/^COPY (\S+) /gm)].map((m) => m[1]);
  expect(sources).toEqual(['requirements.txt', 'serve.py', 'model/model.joblib']);
  for (const s of sources.slice(0, 2)) expect(() => readFileSync(path.join(PROJECT, s))).not.toThrow();
  expect(deployYml).toContain('cp "$model" "$PROJECT/model/model.joblib"');
});

describe('Prometheus scrapes the model server (docs/production-monitoring.md)', () => {
  const [monitor] = load('servicemonitor.yaml');
  const serve = readFileSync(path.join(PROJECT, 'serve.py'), 'utf8');
  const queries = readFileSync(path.join(PROJECT, 'prod-queries.yml'), 'utf8');

  test('the ServiceMonitor selects the Service and scrapes its named port at /metrics', () => {
    expect([monitor.apiVersion, monitor.kind]).toEqual(['monitoring.coreos.com/v1', 'ServiceMonitor']);
    expect(matches(monitor.spec.selector.matchLabels, service.metadata.labels)).toBe(true);
    const [endpoint] = monitor.spec.endpoints;
    expect(service.spec.ports.map((p: Obj) => p.name)).toContain(endpoint.port);
    expect(endpoint.path).toBe('/metrics');
    expect(serve).toContain('"/metrics"');
  });

  test('the pod annotations name the container port and the metrics path', () => {
    const a = pod.metadata.annotations;
    expect(a['prometheus.io/scrape']).toBe('true');
    expect(Number(a['prometheus.io/port'])).toBe(container.ports[0].containerPort);
    expect(a['prometheus.io/path']).toBe('/metrics');
  });

  test("prod-queries.yml selects the job the ServiceMonitor creates (the Service's name) and metrics serve.py exports", () => {
    const jobs = new Set([...queries.matchAll(/job="([^"]+)"/g)].map((m) => m[1]));
    expect([...jobs]).toEqual([service.metadata.name]);
    const names = new Set([...queries.matchAll(/(model_server_\w+?)(?:_total|_bucket)?\{/g)].map((m) => m[1]));
    expect(names.size).toBeGreaterThanOrEqual(4);
    for (const name of names) expect(serve).toContain(`"${name}"`);
  });
});
