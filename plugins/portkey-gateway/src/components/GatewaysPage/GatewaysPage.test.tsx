import { renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { coreApis } from '@backstage/frontend-plugin-api';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { portkeyGatewayApiRef } from '../../api/PortkeyGatewayApi';
import { fakeGatewayApi } from '../GatewaySettings/__fixtures__/fakeGatewayApi';
import { responseError } from '../GatewaySettings/__fixtures__/responseErrors';
import {
  focusedName,
  hasVisibleFocus,
  tabTo,
} from '../../__testUtils__/keyboard';
import { GatewaysPage } from './GatewaysPage';
import {
  clusters,
  degradedGateway,
  gatewayEntity,
  healthyGateway,
  statusList,
} from './__fixtures__/gatewayStatus';

const entities = [
  gatewayEntity('portkey-prod', {
    release: 'portkey-ai',
    namespace: 'ai-gateways',
    cluster: 'prod',
  }),
  gatewayEntity('team-b-gateway', {
    release: 'b',
    namespace: 'team-b',
    cluster: 'dev',
  }),
];

async function renderPage(
  getNamespaceGateways: jest.Mock,
  url = '/portkey-gateway?cluster=prod&namespace=ai-gateways',
) {
  // Not awaited: nothing may run between the render and the act below.
  const rendered = renderInTestApp(<GatewaysPage />, {
    mountPath: '/portkey-gateway',
    initialRouteEntries: [url],
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    apis: [
      [
        portkeyGatewayApiRef,
        fakeGatewayApi({
          getClusters: jest.fn().mockResolvedValue(clusters),
          getNamespaceGateways,
        }),
      ],
      catalogApiMock({ entities }),
    ],
  });
  // The page asks for the clusters and the catalog as it mounts, and their (mocked) answers
  // land a few microtasks later: letting them land inside act keeps React's updates in the test.
  await act(async () => {});
  const location = () =>
    rendered.apis.get(coreApis.appHistory)!.getSnapshot().location;
  return { ...rendered, location };
}

describe('GatewaysPage', () => {
  it('lists the gateways of the namespace in the URL, with their health', async () => {
    const getNamespaceGateways = jest
      .fn()
      .mockResolvedValue(statusList([healthyGateway, degradedGateway]));
    await renderPage(getNamespaceGateways);
    const rows = await screen.findAllByRole('row');
    expect(getNamespaceGateways).toHaveBeenCalledWith('prod', 'ai-gateways');
    // The header row, then one row per gateway.
    expect(rows).toHaveLength(3);
    const healthy = rows[1];
    expect(healthy).toHaveTextContent('portkey-ai');
    expect(healthy).toHaveTextContent('Rollout complete');
    expect(healthy).toHaveTextContent('2/2');
    expect(healthy).toHaveTextContent('2.13.0');
    expect(healthy).toHaveTextContent('gateway-1.7.7');
    expect(
      within(healthy).getAllByText('1/1 ready (rollout complete)'),
    ).toHaveLength(2);
    const degraded = rows[2];
    expect(degraded).toHaveTextContent('Rollout degraded');
    expect(degraded).toHaveTextContent('1/2');
    expect(degraded).toHaveTextContent(
      'Pod staging-gateway-7d9f-abcde: container gateway is in ImagePullBackOff',
    );
    expect(within(degraded).getAllByText('none')).toHaveLength(2);
  });

  it('links a gateway to its catalog entity, and says when it has none', async () => {
    await renderPage(
      jest
        .fn()
        .mockResolvedValue(statusList([healthyGateway, degradedGateway])),
    );
    const link = await screen.findByRole('link', { name: 'portkey-ai' });
    expect(link).toHaveAttribute(
      'href',
      '/catalog/default/component/portkey-prod',
    );
    const rows = screen.getAllByRole('row');
    expect(within(rows[2]).queryByRole('link')).not.toBeInTheDocument();
    expect(rows[2]).toHaveTextContent('no catalog entity');
  });

  it("offers the cluster's allow-list, and keeps a new choice in the URL", async () => {
    const getNamespaceGateways = jest.fn().mockResolvedValue(statusList([]));
    const { location } = await renderPage(getNamespaceGateways);
    await userEvent.click(
      await screen.findByRole('button', { name: /Namespace/ }),
    );
    const options = await screen.findAllByRole('option');
    expect(options.map(o => o.textContent)).toEqual([
      expect.stringContaining('ai-gateways'),
      expect.stringContaining('ai-gateways-staging'),
    ]);
    await userEvent.click(
      screen.getByRole('option', { name: /ai-gateways-staging/ }),
    );
    await waitFor(() =>
      expect(location().search).toBe(
        '?cluster=prod&namespace=ai-gateways-staging',
      ),
    );
    await waitFor(() =>
      expect(getNamespaceGateways).toHaveBeenLastCalledWith(
        'prod',
        'ai-gateways-staging',
      ),
    );
    // An allow-listed cluster takes no typed namespace.
    expect(
      screen.queryByRole('textbox', { name: 'Another namespace' }),
    ).not.toBeInTheDocument();
  });

  it("offers the entities' namespaces and allows typing one where the cluster allows all", async () => {
    const getNamespaceGateways = jest.fn().mockResolvedValue(statusList([]));
    const { location } = await renderPage(
      getNamespaceGateways,
      '/portkey-gateway?cluster=dev',
    );
    expect(
      await screen.findByText('Choose a namespace to see its gateways.'),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: /Namespace/ }));
    const options = await screen.findAllByRole('option');
    expect(options.map(o => o.textContent)).toEqual([
      expect.stringContaining('team-b'),
    ]);
    await userEvent.keyboard('{Escape}');

    const field = screen.getByRole('textbox', { name: 'Another namespace' });
    await userEvent.type(field, 'Bad_Name{Enter}');
    expect(screen.getByText(/A namespace name/)).toBeInTheDocument();
    expect(getNamespaceGateways).not.toHaveBeenCalled();

    await userEvent.clear(field);
    await userEvent.type(field, 'sandbox{Enter}');
    await waitFor(() =>
      expect(location().search).toBe('?cluster=dev&namespace=sandbox'),
    );
    expect(getNamespaceGateways).toHaveBeenCalledWith('dev', 'sandbox');
  });

  it('switches cluster from the picker, dropping the namespace of the other cluster', async () => {
    const getNamespaceGateways = jest.fn().mockResolvedValue(statusList([]));
    const { location } = await renderPage(getNamespaceGateways);
    await userEvent.click(
      await screen.findByRole('button', { name: /Cluster/ }),
    );
    await userEvent.click(await screen.findByRole('option', { name: 'dev' }));
    await waitFor(() => expect(location().search).toBe('?cluster=dev'));
    expect(
      await screen.findByText('Choose a namespace to see its gateways.'),
    ).toBeInTheDocument();
  });

  it('picks a cluster and a namespace with the keyboard alone', async () => {
    const getNamespaceGateways = jest
      .fn()
      .mockResolvedValue(statusList([healthyGateway]));
    const { location } = await renderPage(
      getNamespaceGateways,
      '/portkey-gateway',
    );
    const user = userEvent.setup();

    // Without a choice the first cluster, prod, is shown; pick dev.
    const clusterPicker = await tabTo(user, /Cluster/);
    expect(focusedName()).toMatch(/prod/);
    expect(hasVisibleFocus(clusterPicker)).toBe(true);
    await user.keyboard('{Enter}');
    const dev = await screen.findByRole('option', { name: 'dev' });
    await user.keyboard('{ArrowDown}');
    await waitFor(() => expect(dev).toHaveFocus());
    await user.keyboard('{Enter}');
    await waitFor(() => expect(location().search).toBe('?cluster=dev'));
    await waitFor(() => expect(clusterPicker).toHaveFocus());

    // The namespace an entity names for dev.
    const namespacePicker = await tabTo(user, /Namespace/);
    expect(hasVisibleFocus(namespacePicker)).toBe(true);
    await user.keyboard('{Enter}');
    const teamB = await screen.findByRole('option', { name: /team-b/ });
    await waitFor(() => expect(teamB).toHaveFocus());
    await user.keyboard('{Enter}');
    await waitFor(() =>
      expect(location().search).toBe('?cluster=dev&namespace=team-b'),
    );
    expect(getNamespaceGateways).toHaveBeenLastCalledWith('dev', 'team-b');

    // Another namespace, typed: Enter submits it.
    await tabTo(user, 'Another namespace');
    await user.keyboard('sandbox{Enter}');
    await waitFor(() =>
      expect(location().search).toBe('?cluster=dev&namespace=sandbox'),
    );
    // Then the submit button and Refresh are next.
    expect((await tabTo(user, 'Show gateways')).tagName).toBe('BUTTON');
    const refresh = await tabTo(user, 'Refresh');
    expect(hasVisibleFocus(refresh)).toBe(true);
    await user.keyboard('{Enter}');
    await waitFor(() =>
      expect(getNamespaceGateways).toHaveBeenLastCalledWith('dev', 'sandbox'),
    );
    expect(
      getNamespaceGateways.mock.calls.filter(([, ns]) => ns === 'sandbox'),
    ).toHaveLength(2);
  });

  it('says which labels were searched when a namespace has no gateways', async () => {
    await renderPage(jest.fn().mockResolvedValue(statusList([])));
    expect(
      await screen.findByText(
        'No gateways in namespace ai-gateways of cluster prod',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'app.kubernetes.io/name in (gateway,llm-gateway,redis),app.kubernetes.io/instance',
      ),
    ).toBeInTheDocument();
  });

  it('says when the namespace does not exist', async () => {
    const notFound = await responseError(
      404,
      'Namespace "ai-gateways" does not exist in cluster "prod"',
    );
    await renderPage(jest.fn().mockRejectedValue(notFound));
    expect(await screen.findByText('Namespace not found')).toBeInTheDocument();
    expect(
      screen.getByText(
        'Namespace "ai-gateways" does not exist in cluster "prod"',
      ),
    ).toBeInTheDocument();
  });

  it("shows the backend's permission message and points to the entity page", async () => {
    const denied = await responseError(
      403,
      'Missing permission portkey.gateway.status.read for every gateway of namespace ai-gateways: read it from the entity instead',
    );
    await renderPage(jest.fn().mockRejectedValue(denied));
    expect(
      await screen.findByText(
        'You may not read every gateway of this namespace',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Missing permission portkey.gateway.status.read/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Open the gateway from its entity page/),
    ).toBeInTheDocument();
  });

  it('says the cluster could not be read, and reads again on "Try again"', async () => {
    const unreachable = await responseError(
      503,
      'Cluster "prod" could not be reached',
    );
    const getNamespaceGateways = jest
      .fn()
      .mockRejectedValueOnce(unreachable)
      .mockResolvedValueOnce(statusList([healthyGateway]));
    await renderPage(getNamespaceGateways);
    expect(
      await screen.findByText('The cluster could not be read'),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(
      await screen.findByRole('link', { name: 'portkey-ai' }),
    ).toBeInTheDocument();
  });

  it('says it is reading while the gateways are on their way', async () => {
    await renderPage(jest.fn().mockReturnValue(new Promise(() => {})));
    expect(
      await screen.findByText('Reading the gateways of ai-gateways…'),
    ).toBeInTheDocument();
  });
});
