import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import {
  backendError,
  ENTITY_PATH,
  entityStatusRoute,
} from '../../__testUtils__/backend';
import { sseResponse } from '../../__testUtils__/sseStream';
import { s3AssumeIrsa } from '../GatewaySettings/__fixtures__/settingsResponses';
import {
  CRASHING_POD,
  degradedGateway,
  entityStatusOf,
  healthyGateway,
} from '../../__testUtils__/gatewayStatus';
import {
  renderOnEntityPage,
  serveEntityStatus,
  setupBackendServer,
} from '../../__testUtils__/renderOnEntityPage';
import {
  focusedName,
  hasOutlineRuleFor,
  hasVisibleFocus,
  tabTo,
} from '../../__testUtils__/keyboard';
import { EntityPortkeyGatewayContent } from './EntityPortkeyGatewayContent';

const server = setupBackendServer();

function renderContent() {
  return renderOnEntityPage(<EntityPortkeyGatewayContent />);
}

function rowOf(text: string): HTMLElement {
  const row = screen.getByText(text).closest('tr');
  if (!row) throw new Error(`no table row with ${text}`);
  return row;
}

/** The cell of `row` under the column headed `header` (of the same table). */
function cellOf(row: HTMLElement, header: string): HTMLElement {
  const table = row.closest('table');
  if (!table) throw new Error('the row is in no table');
  const headers = within(table)
    .getAllByRole('columnheader')
    .map(cell => cell.textContent);
  const index = headers.indexOf(header);
  if (index < 0) throw new Error(`no column ${header} in ${headers}`);
  return within(row).getAllByRole('cell')[index];
}

describe('EntityPortkeyGatewayContent', () => {
  it('shows the deployment, the data service, Redis and their pods', async () => {
    serveEntityStatus(server, healthyGateway);
    await renderContent();
    expect(await screen.findByText('Gateway pods')).toBeInTheDocument();
    expect(screen.getByText('gateway-1.7.7')).toBeInTheDocument();
    expect(screen.getByText('2.13.0')).toBeInTheDocument();
    expect(screen.getByText('portkeyai/gateway:2.13.0')).toBeInTheDocument();
    expect(screen.getByText('2 of 2 ready')).toBeInTheDocument();
    expect(screen.getAllByText('Rollout complete')).toHaveLength(3);
    expect(screen.getByText('Data service pods')).toBeInTheDocument();
    expect(screen.getByText('Redis pods')).toBeInTheDocument();
    expect(screen.getByText('redis:7.2-alpine')).toBeInTheDocument();
    const pod = rowOf('portkey-ai-gateway-7d9f8-abcde');
    expect(within(pod).getByText('Running')).toBeInTheDocument();
    expect(within(pod).getByText('node-a')).toBeInTheDocument();
    expect(
      within(pod).getByText('gateway: running, ready'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/^Observed .* s ago\), refreshed every 10 s$/),
    ).toBeInTheDocument();
  });

  it('shows a stuck rollout, container reasons, warnings by pod and hints', async () => {
    serveEntityStatus(server, degradedGateway);
    await renderContent();
    expect(await screen.findByText('Rollout degraded')).toBeInTheDocument();
    expect(
      screen.getByText(degradedGateway.rolloutMessage!),
    ).toBeInTheDocument();
    expect(screen.getByText('1 of 2 ready')).toBeInTheDocument();

    const pod = rowOf(CRASHING_POD);
    expect(within(pod).getByText('Not ready')).toBeInTheDocument();
    expect(within(pod).getByText('7')).toBeInTheDocument();
    expect(
      within(pod).getByText('gateway: waiting (CrashLoopBackOff)'),
    ).toBeInTheDocument();
    expect(
      within(pod).getByText('Last termination: OOMKilled, exit code 137'),
    ).toBeInTheDocument();
    expect(
      within(pod).getByText(/raise resources\.limits\.memory/),
    ).toBeInTheDocument();
    // The pod's own warning is in its row, not among the workload's.
    expect(
      within(pod).getByText(/Back-off restarting failed container gateway/),
    ).toBeInTheDocument();
    expect(
      within(rowOf('portkey-ai-gateway-7d9f8-abcde')).queryByText(/Back-off/),
    ).not.toBeInTheDocument();

    const workloadWarning = screen.getByText(/exceeded quota/);
    expect(workloadWarning.closest('tr')).toBeNull();
    expect(workloadWarning).toHaveTextContent(
      'ReplicaSet/portkey-ai-gateway-84c6d: FailedCreate (×3): exceeded quota',
    );
    expect(
      screen.getByText(/A ResourceQuota refuses new pods/),
    ).toBeInTheDocument();
    expect(screen.queryByText('Redis pods')).not.toBeInTheDocument();
  });

  it("puts a pod's reasons and hints in its wide Problems column, each hint once", async () => {
    serveEntityStatus(server, degradedGateway);
    await renderContent();
    expect(await screen.findByText('Rollout degraded')).toBeInTheDocument();
    const pod = rowOf(CRASHING_POD);

    const containers = cellOf(pod, 'Containers');
    expect(containers).toHaveTextContent(
      /^gateway: waiting \(CrashLoopBackOff\)$/,
    );

    const problems = cellOf(pod, 'Problems and hints');
    expect(
      within(problems).getByText(
        ': back-off 5m0s restarting failed container',
        {
          exact: false,
        },
      ),
    ).toBeInTheDocument();
    expect(
      within(problems).getByText('Last termination: OOMKilled, exit code 137'),
    ).toBeInTheDocument();
    expect(
      within(problems).getByText(
        /Back-off restarting failed container gateway/,
      ),
    ).toBeInTheDocument();
    expect(screen.getAllByText(/raise resources\.limits\.memory/)).toHaveLength(
      1,
    );
    expect(
      within(problems).getByText(/raise resources\.limits\.memory/),
    ).toBeInTheDocument();
    // The healthy pod has nothing to say.
    expect(
      cellOf(rowOf('portkey-ai-gateway-7d9f8-abcde'), 'Problems and hints'),
    ).toBeEmptyDOMElement();
  });

  it('says what was searched and how to fix the annotations when nothing runs', async () => {
    serveEntityStatus(server, undefined);
    await renderContent();
    expect(
      await screen.findByText(
        'No gateway release "portkey-ai-gateway" in namespace "ai-gateways" of cluster "default"',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        `No Deployment or pod matched the label selector ${
          entityStatusOf(undefined).labelSelector
        }`,
        { exact: false },
      ),
    ).toBeInTheDocument();
    // The annotations to correct, as a YAML snippet (tokens are split by the highlighter).
    await waitFor(() =>
      expect(document.body).toHaveTextContent(
        'portkey.ai/gateway-namespace: ai-gateways',
      ),
    );
  });

  it.each([
    [
      400,
      'Annotation portkey.ai/gateway-namespace is missing: it must name the Kubernetes namespace',
      "The entity's gateway annotations are not valid",
    ],
    [
      403,
      'You are not allowed to read portkey.gateway.status.read',
      "You may not see this gateway's status",
    ],
    [
      503,
      'Cluster "default" cannot be reached: connect ECONNREFUSED 10.0.0.1:6443',
      "The gateway's cluster cannot be reached",
    ],
  ])(
    'shows a %i with its title and the backend message',
    async (code, message, title) => {
      server.use(entityStatusRoute(() => backendError(code, message)));
      await renderContent();
      expect(await screen.findByText(new RegExp(title))).toBeInTheDocument();
      expect(
        screen.getByText(new RegExp(message.replace(/[.()]/g, '\\$&'))),
      ).toBeInTheDocument();
    },
  );

  it("shows any other failure with the backend's message and its status code", async () => {
    server.use(
      entityStatusRoute(() =>
        backendError(500, 'Kubernetes answered with something unreadable'),
      ),
    );
    await renderContent();
    expect(
      await screen.findByText("The gateway's status could not be read (500)"),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Kubernetes answered with something unreadable'),
    ).toBeInTheDocument();
    expect(screen.queryByText(/Request failed with/)).not.toBeInTheDocument();
  });

  it('puts status first, then logs and settings, reachable by keyboard', async () => {
    const logRequests: string[] = [];
    const healthyPod = healthyGateway.pods[0].name;
    serveEntityStatus(server, healthyGateway);
    server.use(
      http.get(`${ENTITY_PATH}/settings`, () =>
        HttpResponse.json(s3AssumeIrsa),
      ),
      // The logs tab follows the first gateway pod's log from the entity's logs route.
      http.get(`${ENTITY_PATH}/pods/:pod/logs`, ({ params }) => {
        logRequests.push(String(params.pod));
        return sseResponse(
          [`data: 2026-12-01T10:00:00Z log of ${params.pod}\n\n`],
          { hold: true },
        );
      }),
    );
    await renderContent();
    const tabs = await screen.findAllByRole('tab');
    expect(tabs.map(tab => tab.textContent)).toEqual([
      'Status',
      'Logs',
      'Settings',
    ]);
    expect(await screen.findByText('Gateway pods')).toBeInTheDocument();

    const user = userEvent.setup();
    await user.click(tabs[0]);
    // The tabs activate manually: arrows move the focus, Enter selects.
    await user.keyboard('{ArrowRight}{Enter}');
    // The logs view, following the first gateway pod (jsdom lays out no rows to read).
    expect(await screen.findByRole('switch', { name: 'Follow' })).toBeChecked();
    await waitFor(() => expect(logRequests).toContain(healthyPod));
    await user.keyboard('{ArrowRight}{Enter}');
    expect(
      await screen.findByText(
        'Amazon S3, assumed role (IRSA via service account portkey-gw)',
      ),
    ).toBeInTheDocument();
  });

  it('reaches the tabs with Tab alone, shows where the focus is, and goes on into the panel', async () => {
    serveEntityStatus(server, healthyGateway);
    server.use(
      http.get(`${ENTITY_PATH}/pods/:pod/logs`, () =>
        sseResponse([], { hold: true }),
      ),
    );
    await renderContent();
    expect(await screen.findByText('Gateway pods')).toBeInTheDocument();
    const user = userEvent.setup();

    const status = await tabTo(user, 'Status');
    expect(status).toHaveAttribute('role', 'tab');
    expect(hasVisibleFocus(status)).toBe(true);
    expect(hasOutlineRuleFor(status, '[data-focus-visible]')).toBe(true);

    await user.keyboard('{ArrowRight}');
    const logs = screen.getByRole('tab', { name: 'Logs' });
    expect(logs).toHaveFocus();
    expect(hasVisibleFocus(logs)).toBe(true);
    await user.keyboard('{Enter}');
    expect(logs).toHaveAttribute('aria-selected', 'true');
    // The next Tab leaves the tab list for the logs' first control.
    await screen.findByRole('switch', { name: 'Follow' });
    await user.tab();
    expect(focusedName()).toMatch(/Pod/);
  });
});
