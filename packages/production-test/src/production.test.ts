/*
 * app-config.production.yaml on a real PostgreSQL (scripts/test-postgres.sh runs this file):
 * the portal's backend with NODE_ENV=production on a throwaway Debian PostgreSQL and the demo
 * kube-apiserver, called as a service with a static token.
 */
import {
  DEMO_GATEWAY,
  demoGatewayEntity,
} from '@portkey-gateway-backstage/demo-cluster';
import type { GatewayEntityStatus } from '@portkey-gateway-backstage/plugin-portkey-gateway-common';
// The scaffolder module's test util: the template's example answers and what they render to.
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import {
  previewOf,
  readExample,
} from '../../../plugins/scaffolder-backend-module-portkey-gateway/src/__testUtils__/templateFiles';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { portalApi, waitFor } from './portal/portalApi';
import { REPO_ROOT } from './repoRoot';
import {
  CLUSTER_NAME,
  GITOPS_REPOSITORY,
  ProductionPortal,
  startProductionPortal,
} from './portal/startProductionPortal';

// The stage's script makes the run's directory (and removes it, also after an interrupt).
const RUN_DIR =
  process.env.PRODUCTION_TEST_DIR ??
  fs.mkdtempSync(path.join(os.tmpdir(), 'production-test-'));

const DEMO_ENTITY = demoGatewayEntity(DEMO_GATEWAY, CLUSTER_NAME);

let portal: ProductionPortal;
let api: ReturnType<typeof portalApi>;

beforeAll(async () => {
  portal = await startProductionPortal(RUN_DIR);
  api = portalApi(portal);
}, 600_000);

afterAll(async () => {
  await portal?.stop();
  if (!process.env.PRODUCTION_TEST_DIR)
    fs.rmSync(RUN_DIR, { recursive: true, force: true });
});

/** One query on one of the portal's databases, as the portal's role. */
async function query(database: string, sql: string, params: unknown[] = []) {
  const client = await portal.postgres.connect(database);
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
}

test('every key of the production config is declared in a config schema', () => {
  // backstage-cli's strict check: an undeclared key (or a wrong type) is an error.
  const check = spawnSync(
    process.execPath,
    [
      require.resolve('@backstage/cli/bin/backstage-cli'),
      'config:check',
      '--strict',
      ...['app-config.yaml', ...portal.configFiles].flatMap(f => [
        '--config',
        f,
      ]),
    ],
    {
      cwd: REPO_ROOT,
      env: { ...process.env, ...portal.env },
      encoding: 'utf8',
    },
  );
  // On failure the check's output names the keys.
  expect({ status: check.status, output: check.stderr + check.stdout }).toEqual(
    {
      status: 0,
      output: expect.stringContaining(
        'Loaded config from app-config.yaml, app-config.production.yaml',
      ),
    },
  );
});

test('each plugin of the backend has its own database in PostgreSQL', async () => {
  const rows = await query(
    'postgres',
    "SELECT datname FROM pg_database WHERE datname LIKE 'backstage_plugin_%'",
  );
  const databases = rows.map(r => r.datname);
  for (const plugin of ['app', 'auth', 'catalog', 'scaffolder', 'search'])
    expect(databases).toContain(`backstage_plugin_${plugin}`);
});

test('the catalog is persisted in PostgreSQL: the template and the demo gateway', async () => {
  const refs = [
    'template:default/portkey-gateway',
    `component:default/${DEMO_ENTITY.metadata.name}`,
  ];
  const rows = await waitFor('the entities in final_entities', async () => {
    const found = await query(
      'backstage_plugin_catalog',
      `SELECT r.entity_ref, f.final_entity FROM refresh_state r
         JOIN final_entities f ON f.entity_id = r.entity_id
        WHERE r.entity_ref = ANY($1) AND f.final_entity IS NOT NULL`,
      [refs],
    );
    return found.length === refs.length ? found : undefined;
  });
  const gateway = rows.find(r => r.entity_ref.startsWith('component:'))!;
  expect(JSON.parse(gateway.final_entity).metadata.annotations).toMatchObject(
    DEMO_ENTITY.metadata.annotations,
  );
});

test("the demo gateway's status through its entity: pods and health as the demo defines them", async () => {
  const statusPath = `/api/portkey-gateway/entities/default/component/${DEMO_ENTITY.metadata.name}/status`;
  // The catalog may still be ingesting the entity right after the start.
  const res = await waitFor('the entity status route', async () => {
    const r = await api(statusPath);
    return r.status === 404 ? undefined : r;
  });
  expect(res).toMatchObject({ status: 200 }); // the failure shows the answer
  const status: GatewayEntityStatus = res.json;
  expect(status).toMatchObject({
    cluster: CLUSTER_NAME,
    namespace: DEMO_GATEWAY.namespace,
    release: DEMO_GATEWAY.release,
  });
  const gateway = status.gateway!;
  expect(gateway.deployment).toBe(DEMO_GATEWAY.deployment);
  const pods = [...DEMO_GATEWAY.healthyPods, DEMO_GATEWAY.crashingPod];
  expect(gateway.replicas).toMatchObject({
    desired: pods.length,
    ready: DEMO_GATEWAY.healthyPods.length,
  });
  expect(Object.fromEntries(gateway.pods.map(p => [p.name, p.ready]))).toEqual(
    Object.fromEntries(
      pods.map(name => [name, name !== DEMO_GATEWAY.crashingPod]),
    ),
  );
  const crashing = gateway.pods.find(p => p.name === DEMO_GATEWAY.crashingPod)!;
  expect(crashing.containers[0].reason).toBe('CrashLoopBackOff');
  // A crash-looping pod of the current ReplicaSet: waiting will not fix it.
  expect(gateway.rollout).toBe('degraded');
});

describe('a run of the Portkey gateway template', () => {
  const { owner, name: repo } = GITOPS_REPOSITORY;
  // One example's answers, as the form sends them, to the stand-in's repository.
  const answers = {
    ...readExample('log-store-s3.yaml'),
    repoUrl: '', // set once the stand-in's host is known
  };
  let taskId: string;

  /** The task and its events through the API: status, and the output of its completion. */
  async function readTask(id: string) {
    const task = await api(`/api/scaffolder/v2/tasks/${id}`);
    const events = await api(`/api/scaffolder/v2/tasks/${id}/events`);
    expect({ task: task.status, events: events.status }).toEqual({
      task: 200,
      events: 200,
    });
    const completion = events.json.find(
      (e: { type: string }) => e.type === 'completion',
    );
    return { task: task.json, events: events.json, completion };
  }

  beforeAll(async () => {
    answers.repoUrl = `${portal.github.host}?owner=${owner}&repo=${repo}`;
    await waitFor('the template in the catalog', async () =>
      (
        await api(
          '/api/catalog/entities/by-name/template/default/portkey-gateway',
        )
      ).status === 200
        ? true
        : undefined,
    );
    const created = await api('/api/scaffolder/v2/tasks', {
      method: 'POST',
      body: {
        templateRef: 'template:default/portkey-gateway',
        values: answers,
        secrets: {},
      },
    });
    if (created.status !== 201)
      throw new Error(
        `POST /v2/tasks answered ${created.status}: ${created.text}`,
      );
    taskId = created.json.id;
    await waitFor('the task to finish', async () => {
      const { json } = await api(`/api/scaffolder/v2/tasks/${taskId}`);
      return ['completed', 'failed', 'cancelled'].includes(json?.status)
        ? json.status
        : undefined;
    });
  }, 180_000);

  test('completes and opens one pull request with the rendered values', async () => {
    const { task, events, completion } = await readTask(taskId);
    // A failed step's error is in the events.
    expect({
      status: task.status,
      errors: events.filter((e: any) => e.body?.error),
    }).toEqual({
      status: 'completed',
      errors: [],
    });
    const pulls = await portal.github.pullRequests(owner, repo);
    expect(pulls).toHaveLength(1);
    const [pull] = pulls;
    expect(pull.state).toBe('open');
    expect(completion.body.output.links).toEqual([
      { title: 'Pull request', url: pull.htmlUrl },
    ]);
    const { output } = previewOf(answers);
    expect(
      await portal.github.readFile(owner, repo, pull.head, output.valuesPath),
    ).toBe(output.files[output.valuesPath]);
  });

  test('its task, steps and checkpoint are rows in PostgreSQL', async () => {
    const [row] = await query(
      'backstage_plugin_scaffolder',
      'SELECT status, spec, state FROM tasks WHERE id = $1',
      [taskId],
    );
    expect(row.status).toBe('completed');
    const spec = JSON.parse(row.spec);
    expect(spec.templateInfo.entityRef).toBe(
      'template:default/portkey-gateway',
    );
    expect(spec.steps.map((s: { id: string }) => s.id)).toEqual([
      'render',
      'publish',
    ]);
    // Each step's progress is an event row; the run ends with its completion.
    const events = await query(
      'backstage_plugin_scaffolder',
      'SELECT event_type, body FROM task_events WHERE task_id = $1 ORDER BY id',
      [taskId],
    );
    const stepStatuses = events
      .map(e => JSON.parse(e.body))
      .filter(b => b.stepId && b.status)
      .map(b => `${b.stepId}:${b.status}`);
    expect(stepStatuses).toEqual(
      expect.arrayContaining(['render:completed', 'publish:completed']),
    );
    expect(events[events.length - 1].event_type).toBe('completion');
    // publish:github:pull-request records the pull request it opened as a checkpoint, so a
    // re-run of the task (task recovery) finds it instead of opening another.
    const [pull] = await portal.github.pullRequests(owner, repo);
    const { state } = JSON.parse(row.state);
    expect(
      state.checkpoints[
        `v1.task.checkpoint.publish.create.pr.${owner}.${repo}.${pull.head}`
      ],
    ).toMatchObject({
      status: 'success',
      value: { html_url: pull.htmlUrl, number: pull.number },
    });
  });

  test('after a restart of the backend the task is still there, through the API', async () => {
    const before = await readTask(taskId);
    await portal.restartBackend();
    const after = await readTask(taskId);
    expect(after.task).toMatchObject({ id: taskId, status: 'completed' });
    expect(after.completion.body.output).toEqual(before.completion.body.output);
    expect(after.events.length).toBe(before.events.length);
  });
});

test("the backend's log holds neither the database password nor the tokens", () => {
  const log = fs.readFileSync(path.join(RUN_DIR, 'backend.log'), 'utf8');
  expect(log.length).toBeGreaterThan(0);
  for (const secret of [
    portal.postgres.password,
    portal.token,
    portal.githubToken,
  ])
    expect(log.includes(secret)).toBe(false);
});
