import {
  StatusError,
  StatusOK,
  StatusWarning,
} from '@backstage/core-components';
import { Card, CardBody, CardHeader, Flex, Text } from '@backstage/ui';
import type {
  GatewayEnvFromSource,
  GatewaySecretCheck,
  GatewaySettingsResponse,
} from '@portkey-gateway-backstage/plugin-portkey-gateway-common';
import { describeSecretCheck, secretReferencesOf } from './secretChecks';
import { SecretReferenceList } from './SecretReferenceList';

function CheckIcon({ check }: { check: GatewaySecretCheck }) {
  if (check.exists === null) return <StatusWarning />;
  if (!check.exists || check.missingKeys.length) return <StatusError />;
  return <StatusOK />;
}

function describeEnvFrom(source: GatewayEnvFromSource): string {
  const kind = source.kind === 'secret' ? 'Secret' : 'ConfigMap';
  return [
    `${kind} ${source.name}`,
    source.prefix ? `, names prefixed ${source.prefix}` : '',
    source.optional ? ' (optional)' : '',
  ].join('');
}

/**
 * The Secrets the gateway reads as a whole, its envFrom sources, credentials it reads that no
 * section claims, and the literal values withheld because they look like credentials.
 */
export function SecretsAndSources({
  response,
}: {
  response: GatewaySettingsResponse;
}) {
  const { secrets, envFrom, settings } = response;
  const other = secretReferencesOf(response, undefined);
  return (
    <Card role="region" aria-label="Secrets and other sources">
      <CardHeader>
        <Text as="h3" variant="title-x-small">
          Secrets and other sources
        </Text>
      </CardHeader>
      <CardBody>
        <Flex direction="column" gap="3">
          {secrets.length > 0 ? (
            <ul
              aria-label="Secrets the gateway reads"
              style={{ margin: 0, paddingLeft: 0, listStyle: 'none' }}
            >
              {secrets.map(check => (
                <li key={check.secretName}>
                  <Text as="p" variant="body-small">
                    <CheckIcon check={check} />
                    Secret <code>{check.secretName}</code> (keys{' '}
                    {check.keys.join(', ')}): {describeSecretCheck(check)}
                  </Text>
                </li>
              ))}
            </ul>
          ) : (
            <Text as="p" variant="body-small">
              The gateway reads no Secret through its env.
            </Text>
          )}
          <SecretReferenceList references={other} />
          {envFrom.length > 0 && (
            <Flex direction="column" gap="1">
              <Text as="h4" variant="body-small" weight="bold">
                Whole Secrets and ConfigMaps (envFrom)
              </Text>
              <Text as="p" variant="body-small" color="secondary">
                Their keys cannot be listed here; a setting of the same name
                above wins over them.
              </Text>
              <ul aria-label="envFrom sources" style={{ margin: 0 }}>
                {envFrom.map(source => (
                  <li key={`${source.kind}/${source.name}`}>
                    <Text variant="body-small">{describeEnvFrom(source)}</Text>
                  </li>
                ))}
              </ul>
            </Flex>
          )}
          {settings.withheld.length > 0 && (
            <Text as="p" variant="body-small" color="warning">
              <StatusWarning />
              Not shown because the value looks like a credential written as
              plain text (move it into a Secret): {settings.withheld.join(', ')}
            </Text>
          )}
        </Flex>
      </CardBody>
    </Card>
  );
}
