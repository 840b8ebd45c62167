import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { DEMO_GATEWAY, TEAM_GATEWAY, demoSecretValues } from './demoGateway';
import { DEMO_GITOPS } from './demoGitServer';

// What ./scripts/start.sh runs: the demo CLI, as a process, against a real kube-apiserver.
jest.setTimeout(180_000);

const CLI = path.join(__dirname, 'startDemo.ts');
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

async function waitFor<T>(what: string, probe: () => T | undefined) {
  for (let i = 0; i < 1200; i++) {
    const value = probe();
    if (value !== undefined) return value;
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('the demo of ./scripts/start.sh: cluster and git server', () => {
  let stateDir: string;
  let demo: ChildProcess;
  let output = '';

  beforeAll(async () => {
    stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-cluster-'));
    demo = spawn(
      process.execPath,
      [
        '--require',
        require.resolve('@backstage/cli-node/config/nodeTransform.cjs'),
        CLI,
        '--state-dir',
        stateDir,
        '--cluster',
        '--git-server',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    demo.stdout!.on('data', d => (output += d));
    demo.stderr!.on('data', d => (output += d));
    await waitFor('the ready file', () => {
      if (demo.exitCode !== null)
        throw new Error(`the demo exited ${demo.exitCode}: ${output}`);
      const ready = path.join(stateDir, 'ready');
      return fs.existsSync(ready) ? true : undefined;
    });
  });

  afterAll(async () => {
    if (demo.exitCode === null) {
      demo.kill('SIGTERM');
      await new Promise(r => demo.once('exit', r));
    }
    fs.rmSync(stateDir, { recursive: true, force: true });
  });

  const portalConfig = () =>
    parse(
      fs.readFileSync(
        fs.readFileSync(path.join(stateDir, 'ready'), 'utf8').trim(),
        'utf8',
      ),
    );

  it('writes a portal config with the cluster and the demo entity beside the usual catalog', () => {
    const config = portalConfig();
    expect(config.portkeyGateway.clusters).toEqual([
      expect.objectContaining({
        name: 'demo',
        url: expect.stringMatching(/^https:\/\/127\.0\.0\.1:\d+$/),
      }),
    ]);
    const targets: string[] = config.catalog.locations.map(
      (l: { target: string }) => l.target,
    );
    // The template, as the git server's copy (its picker offers only that server).
    expect(targets).toContain(
      path.join(stateDir, 'portkey-gateway-template.yaml'),
    );
    expect(
      targets.some(t => t.endsWith('templates/portkey-gateway/template.yaml')),
    ).toBe(false);
    const entities = parseAllDocuments(
      fs.readFileSync(targets[targets.length - 1], 'utf8'),
    ).map(d => d.toJS());
    expect(
      entities.map(e => [
        e.metadata.name,
        e.spec.owner,
        e.metadata.annotations,
      ]),
    ).toEqual(
      [DEMO_GATEWAY, TEAM_GATEWAY].map(g => [
        g.entityName,
        g.owner,
        {
          'portkey.ai/gateway-release': g.release,
          'portkey.ai/gateway-namespace': g.namespace,
          'portkey.ai/gateway-cluster': 'demo',
        },
      ]),
    );
    for (const entity of entities) {
      expect(entity.metadata.description).toMatch(/^Demo:/);
      expect(entity.metadata.tags).toContain('demo');
    }
  });

  it('runs the demo gateways: two ready pods and one crash-looping, and a healthy one, on the stub kubelet', async () => {
    const { url, serviceAccountToken, caData } =
      portalConfig().portkeyGateway.clusters[0];
    const kc = new KubeConfig();
    kc.loadFromOptions({
      clusters: [{ name: 'demo', server: url, caData }],
      users: [{ name: 'demo', token: serviceAccountToken }],
      contexts: [{ name: 'demo', cluster: 'demo', user: 'demo' }],
      currentContext: 'demo',
    });
    const core = kc.makeApiClient(CoreV1Api);
    const readiness = async (release: string) => {
      const pods = await core.listNamespacedPod({
        namespace: DEMO_GATEWAY.namespace,
        labelSelector: `app.kubernetes.io/name=gateway,app.kubernetes.io/instance=${release}`,
      });
      return Object.fromEntries(
        pods.items.map(p => [
          p.metadata!.name,
          p.status?.containerStatuses?.[0]?.ready,
        ]),
      );
    };
    expect(await readiness(DEMO_GATEWAY.release)).toEqual({
      [DEMO_GATEWAY.healthyPods[0]]: true,
      [DEMO_GATEWAY.healthyPods[1]]: true,
      [DEMO_GATEWAY.crashingPod]: false,
    });
    expect(await readiness(TEAM_GATEWAY.release)).toEqual({
      [TEAM_GATEWAY.healthyPods[0]]: true,
      [TEAM_GATEWAY.healthyPods[1]]: true,
    });
    // The log goes through the real apiserver to the stub kubelet.
    const log = await core.readNamespacedPodLog({
      name: DEMO_GATEWAY.crashingPod,
      namespace: DEMO_GATEWAY.namespace,
      container: 'gateway',
    });
    expect(log).toContain('cannot connect to clickhouse');
  });

  it('keeps the healthy pods logging', async () => {
    const logFile = path.join(
      stateDir,
      'kube/kubelet-logs',
      DEMO_GATEWAY.namespace,
      DEMO_GATEWAY.healthyPods[1],
      'gateway.log',
    );
    const lines = () => fs.readFileSync(logFile, 'utf8').split('\n').length;
    const before = lines();
    await waitFor('a new log line', () =>
      lines() > before ? true : undefined,
    );
    expect(lines()).toBeGreaterThan(before);
  });

  it('runs a git server the portal opens its pull requests on, with the GitOps repository', async () => {
    const [github, ...others] = portalConfig().integrations.github;
    expect(github.host).toMatch(/^127\.0\.0\.1:\d+$/);
    // app-config.yaml's own entry stays, its token a reference the backend substitutes.
    expect(others).toEqual([{ host: 'github.com', token: '${GITHUB_TOKEN}' }]);
    expect(github.apiBaseUrl).toBe(`http://${github.host}/api/v3`);
    const repo = await fetch(
      `${github.apiBaseUrl}/repos/${DEMO_GITOPS.owner}/${DEMO_GITOPS.repo}`,
      { headers: { authorization: `token ${github.token}` } },
    );
    expect(repo.status).toBe(200);
    expect((await repo.json()).default_branch).toBe('main');
    const template = parse(
      fs.readFileSync(
        path.join(stateDir, 'portkey-gateway-template.yaml'),
        'utf8',
      ),
    );
    const repoUrl = template.spec.parameters.find(
      (p: any) => p.properties?.repoUrl,
    ).properties.repoUrl;
    expect(repoUrl['ui:options'].allowedHosts).toEqual([github.host]);
  });

  it('prints where it started what, and no secret value', () => {
    expect(output).toContain(`demo gateway "${DEMO_GATEWAY.release}"`);
    expect(output).toMatch(/kube-apiserver on https:\/\/127\.0\.0\.1:\d+/);
    expect(output).toMatch(
      /git server \(a GitHub stand-in, not GitHub\) on http:\/\/127\.0\.0\.1:\d+/,
    );
    const { serviceAccountToken } = portalConfig().portkeyGateway.clusters[0];
    const [{ token: gitToken }] = portalConfig().integrations.github;
    for (const secret of [serviceAccountToken, gitToken, ...demoSecretValues()])
      expect(output).not.toContain(secret);
  });

  it('stops its apiserver and removes the ready file on SIGTERM', async () => {
    const pidFile = path.join(stateDir, 'kube/kube-apiserver.pid');
    const apiserverPid = Number(fs.readFileSync(pidFile, 'utf8'));
    demo.kill('SIGTERM');
    await new Promise(r => demo.once('exit', r));
    expect(fs.existsSync(path.join(stateDir, 'ready'))).toBe(false);
    await waitFor('the apiserver to stop', () => {
      try {
        process.kill(apiserverPid, 0);
        return undefined;
      } catch {
        return true;
      }
    });
  });
});
