import { renderInTestApp } from '@backstage/frontend-test-utils';
import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { portkeyGatewayApiRef } from '../../api/PortkeyGatewayApi';
import { EntityGatewaySettings } from './EntityGatewaySettings';
import { fakeGatewayApi } from './__fixtures__/fakeGatewayApi';
import { responseError } from './__fixtures__/responseErrors';
import { s3AssumeIrsa } from './__fixtures__/settingsResponses';

const entityRef = { kind: 'component', namespace: 'default', name: 'x' };

async function renderWith(getEntitySettings: jest.Mock) {
  // Not awaited: nothing may run between the render and the act below.
  const rendered = renderInTestApp(
    <EntityGatewaySettings entityRef={entityRef} />,
    {
      apis: [[portkeyGatewayApiRef, fakeGatewayApi({ getEntitySettings })]],
    },
  );
  // The settings are asked for on mount and the (mocked) answer lands a microtask later:
  // letting it land inside act keeps React's update in the test.
  await act(async () => {});
  return rendered;
}

describe('EntityGatewaySettings', () => {
  it("loads the entity's settings and shows them", async () => {
    const getEntitySettings = jest.fn().mockResolvedValue(s3AssumeIrsa);
    await renderWith(getEntitySettings);
    expect(
      await screen.findByText(
        'Amazon S3, assumed role (IRSA via service account portkey-gw)',
      ),
    ).toBeInTheDocument();
    expect(getEntitySettings).toHaveBeenCalledWith(entityRef);
  });

  it('says it is reading while the answer is on its way', async () => {
    await renderWith(jest.fn().mockReturnValue(new Promise(() => {})));
    expect(await screen.findByRole('status')).toHaveTextContent(
      "Reading the gateway's settings…",
    );
  });

  it("shows the backend's permission message in place of the settings, without an error page", async () => {
    const denied = await responseError(
      403,
      'Missing permission portkey.gateway.settings.read for component:default/x',
    );
    await renderWith(jest.fn().mockRejectedValue(denied));
    expect(
      await screen.findByText("You may not see this gateway's settings"),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Missing permission portkey.gateway.settings.read for component:default/x',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText(/Request failed with/)).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Try again' }),
    ).not.toBeInTheDocument();
    expect(screen.queryByText('Log store')).not.toBeInTheDocument();
  });

  it('says the gateway was not found, with the annotations to check', async () => {
    const notFound = await responseError(
      404,
      'No gateway release "portkey-ai" in namespace ai-gateways of cluster "prod"',
    );
    await renderWith(jest.fn().mockRejectedValue(notFound));
    expect(await screen.findByText('Gateway not found')).toBeInTheDocument();
    expect(
      screen.getByText(
        'No gateway release "portkey-ai" in namespace ai-gateways of cluster "prod"',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText(/portkey.ai\/gateway-release/)).toBeInTheDocument();
  });

  it('says the cluster could not be read, and reads again on "Try again"', async () => {
    const unreachable = await responseError(
      503,
      'Cluster "prod" could not be reached: connect ECONNREFUSED',
    );
    const getEntitySettings = jest
      .fn()
      .mockRejectedValueOnce(unreachable)
      .mockResolvedValueOnce(s3AssumeIrsa);
    await renderWith(getEntitySettings);
    expect(
      await screen.findByText('The cluster could not be read'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Cluster "prod" could not be reached: connect ECONNREFUSED',
      ),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(
      await screen.findByText(
        'Amazon S3, assumed role (IRSA via service account portkey-gw)',
      ),
    ).toBeInTheDocument();
    expect(getEntitySettings).toHaveBeenCalledTimes(2);
  });
});
