import { Alert, Flex, Grid, Text } from '@backstage/ui';
import type { GatewaySettingsResponse } from '@portkey-gateway-backstage/plugin-portkey-gateway-common';
import { describeLogStore } from './describeLogStore';
import {
  describeBedrock,
  describeDataService,
  describeServerMode,
} from './describeServices';
import {
  describeAnalyticsStore,
  describeCacheStore,
  describeOtel,
} from './describeStores';
import { mongoPemReference, secretReferencesOf } from './secretChecks';
import { SecretsAndSources } from './SecretsAndSources';
import { SettingsSection } from './SettingsSection';
import { presentFields } from './settingsDescription';

/** The settings of one running gateway, as its Deployment has them (presentational). */
export function GatewaySettingsView({
  settings: response,
}: {
  settings: GatewaySettingsResponse;
}) {
  const { settings } = response;
  const pem = mongoPemReference(response);
  const sections = [
    {
      title: 'Analytics store',
      description: describeAnalyticsStore(settings),
      section: 'analytics',
    },
    {
      title: 'OpenTelemetry export',
      description: describeOtel(settings),
      section: 'otel',
    },
    {
      title: 'Log store',
      description: describeLogStore(settings),
      section: 'logStore',
      extra: pem ? [pem] : [],
    },
    {
      title: 'Cache store',
      description: describeCacheStore(settings),
      section: 'cache',
    },
    {
      title: 'Bedrock access',
      description: describeBedrock(settings),
      section: 'bedrock',
    },
    {
      title: 'Data service',
      description: describeDataService(settings),
      section: 'dataService',
    },
    {
      title: 'Server mode',
      description: describeServerMode(settings),
      section: 'server',
    },
    {
      title: 'Portkey control plane',
      description: {
        summary: settings.core.organisationsToSync
          ? `organisation ${settings.core.organisationsToSync}`
          : 'no organisation to sync (ORGANISATIONS_TO_SYNC is empty)',
        fields: presentFields([
          ['Service name', settings.core.serviceName],
          ['Request timeout (ms)', settings.core.requestTimeoutMs],
        ]),
      },
      section: 'core',
    },
  ] as const;

  return (
    <Flex direction="column" gap="4">
      <Text as="p" variant="body-small" color="secondary">
        Read from Deployment <code>{response.deployment}</code> (release{' '}
        {response.release}) in namespace {response.namespace} of cluster{' '}
        {response.cluster}.
      </Text>
      {response.problems.length > 0 && (
        <Alert
          status="warning"
          icon
          title={
            response.problems.length === 1
              ? 'A problem with these settings'
              : `${response.problems.length} problems with these settings`
          }
          description={
            <ul aria-label="Problems" style={{ margin: 0 }}>
              {response.problems.map(problem => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          }
        />
      )}
      <Grid.Root columns={{ initial: '1', md: '2' }} gap="4">
        {sections.map(({ title, description, section, ...rest }) => (
          <SettingsSection
            key={title}
            title={title}
            description={description}
            secrets={[
              ...secretReferencesOf(response, section),
              ...('extra' in rest ? rest.extra : []),
            ]}
          />
        ))}
      </Grid.Root>
      <SecretsAndSources response={response} />
    </Flex>
  );
}
