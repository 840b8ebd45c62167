import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen, within } from '@testing-library/react';
import type { GatewaySettingsResponse } from '@portkey-gateway-backstage/plugin-portkey-gateway-common';
import { GatewaySettingsView } from './GatewaySettingsView';
import {
  azureEntraKeyMissing,
  baseSettings,
  everythingElse,
  gcsUnchecked,
  mongoPemFromSecret,
  s3AssumeIrsa,
  s3WithKeys,
  settingsResponse,
} from './__fixtures__/settingsResponses';

const render = (settings: GatewaySettingsResponse) =>
  renderInTestApp(<GatewaySettingsView settings={settings} />);

const section = (name: string) => screen.getByRole('region', { name });

describe('GatewaySettingsView', () => {
  it('shows an S3 log store with keys: bucket, region and the Secret and key of each credential', async () => {
    await render(s3WithKeys);
    const logStore = section('Log store');
    expect(
      within(logStore).getByText('Amazon S3, access keys'),
    ).toBeInTheDocument();
    expect(within(logStore).getByText('Bucket')).toBeInTheDocument();
    expect(within(logStore).getByText('portkey-logs')).toBeInTheDocument();
    expect(within(logStore).getByText('eu-west-1')).toBeInTheDocument();
    const fromSecrets = within(logStore).getByRole('list', {
      name: 'Settings read from Secrets',
    });
    const items = within(fromSecrets).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent(
      'Access key id of the log store (HMAC key for GCS) (LOG_STORE_ACCESS_KEY): Secret portkey-ai-gateway, key LOG_STORE_ACCESS_KEY',
    );
    expect(items[0]).toHaveTextContent('key present');
  });

  it('names the IRSA role and service account of an assumed-role S3 store', async () => {
    await render(s3AssumeIrsa);
    const logStore = section('Log store');
    expect(
      within(logStore).getByText(
        'Amazon S3, assumed role (IRSA via service account portkey-gw)',
      ),
    ).toBeInTheDocument();
    expect(
      within(logStore).getByText('arn:aws:iam::123456789012:role/portkey-logs'),
    ).toBeInTheDocument();
    expect(
      within(section('Bedrock access')).getByText(
        /IRSA via service account portkey-gw/,
      ),
    ).toBeInTheDocument();
  });

  it('warns that the Entra client secret key is missing, and lists the problem', async () => {
    await render(azureEntraKeyMissing);
    const logStore = section('Log store');
    expect(
      within(logStore).getByText(
        'Azure Blob Storage, Entra application (client secret)',
      ),
    ).toBeInTheDocument();
    expect(
      within(logStore).getByText(
        'Secret azure-entra has no key client-secret: new pods cannot start (CreateContainerConfigError)',
      ),
    ).toBeInTheDocument();
    const problems = screen.getByRole('list', { name: 'Problems' });
    expect(problems).toHaveTextContent(
      'Secret "azure-entra" has no key "client-secret" (AZURE_ENTRA_CLIENT_SECRET)',
    );
    expect(
      screen.getByRole('list', { name: 'Secrets the gateway reads' }),
    ).toHaveTextContent(
      'Secret azure-entra (keys client-secret): missing key client-secret',
    );
  });

  it('shows a MongoDB store whose URL Secret does not exist, and its PEM Secret', async () => {
    await render(mongoPemFromSecret);
    const logStore = section('Log store');
    expect(
      within(logStore).getByText('MongoDB / Amazon DocumentDB'),
    ).toBeInTheDocument();
    expect(
      within(logStore).getByText(
        'Secret mongo-url does not exist: new pods cannot start',
      ),
    ).toBeInTheDocument();
    const fromSecrets = within(logStore).getByRole('list', {
      name: 'Settings read from Secrets',
    });
    expect(fromSecrets).toHaveTextContent(
      'MongoDB / DocumentDB TLS certificate (PEM file) (document_db.pem): Secret docdb-ca, key document_db.pem',
    );
    expect(within(logStore).getByText(/maintenance mode/)).toBeInTheDocument();
  });

  it('says "could not check" for a GCS store whose Secret the portal may not read', async () => {
    await render(gcsUnchecked);
    expect(
      within(section('Log store')).getByText(
        'Google Cloud Storage (S3-interoperable HMAC keys), access keys',
      ),
    ).toBeInTheDocument();
    expect(
      within(section('Log store')).getAllByText(
        'could not check (the portal may not read this Secret)',
      ),
    ).toHaveLength(2);
    expect(
      screen.getByRole('list', { name: 'Secrets the gateway reads' }),
    ).toHaveTextContent('could not check (the portal may not read it)');
  });

  it('tells the in-cluster Redis from a custom Redis whose URL comes from a Secret', async () => {
    const { unmount } = await render(settingsResponse(baseSettings()));
    const inCluster = section('Cache store');
    expect(
      within(inCluster).getByText(/^Redis in the cluster/),
    ).toBeInTheDocument();
    expect(
      within(inCluster).getByText('redis://redis:6379'),
    ).toBeInTheDocument();
    unmount();

    await render(everythingElse);
    const custom = section('Cache store');
    expect(within(custom).getByText('Your own Redis')).toBeInTheDocument();
    expect(
      within(custom).getByText('from a Secret (below)'),
    ).toBeInTheDocument();
    expect(
      within(custom).getByRole('list', { name: 'Settings read from Secrets' }),
    ).toHaveTextContent('(REDIS_URL): Secret redis-auth, key url');
  });

  it('shows OTEL export, the data service, MCP mode, ClickHouse and Bedrock keys when they are on', async () => {
    await render(everythingElse);
    expect(
      within(section('OpenTelemetry export')).getByText(
        'On, to http://otel-collector:4318',
      ),
    ).toBeInTheDocument();
    expect(
      within(section('OpenTelemetry export')).getByRole('list', {
        name: 'Settings read from Secrets',
      }),
    ).toHaveTextContent('Secret otel-auth, key headers');
    expect(
      within(section('Data service')).getByText('portkey-finetunes'),
    ).toBeInTheDocument();
    expect(
      within(section('Server mode')).getByText('AI gateway and MCP server'),
    ).toBeInTheDocument();
    expect(
      within(section('Server mode')).getByText('8788'),
    ).toBeInTheDocument();
    expect(
      within(section('Analytics store')).getByText('ClickHouse (your own)'),
    ).toBeInTheDocument();
    expect(
      within(section('Bedrock access')).getByRole('list', {
        name: 'Settings read from Secrets',
      }),
    ).toHaveTextContent('AWS_ASSUME_ROLE_SECRET_ACCESS_KEY');
  });

  it('lists envFrom sources and names withheld values', async () => {
    await render(everythingElse);
    const sources = screen.getByRole('list', { name: 'envFrom sources' });
    expect(
      within(sources)
        .getAllByRole('listitem')
        .map(li => li.textContent),
    ).toEqual([
      'Secret eso-gateway-env (optional)',
      'ConfigMap gateway-extra, names prefixed PK_',
    ]);
    expect(screen.getByText(/looks like a credential/)).toHaveTextContent(
      'OTEL_RESOURCE_ATTRIBUTES',
    );
  });

  it('says when data service and OTEL are off, and shows a gateway-only server', async () => {
    await render(s3WithKeys);
    expect(
      within(section('Data service')).getByText(
        'Off: fine-tuning, batches and log exports are not available',
      ),
    ).toBeInTheDocument();
    expect(
      within(section('OpenTelemetry export')).getByText('Off'),
    ).toBeInTheDocument();
    expect(
      within(section('Server mode')).getByText('AI gateway only'),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('list', { name: 'Problems' }),
    ).not.toBeInTheDocument();
  });
});
