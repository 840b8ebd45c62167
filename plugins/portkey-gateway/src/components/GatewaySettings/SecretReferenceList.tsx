import {
  StatusError,
  StatusOK,
  StatusWarning,
} from '@backstage/core-components';
import { Flex, Text } from '@backstage/ui';
import { CheckedSecretReference, describeSecretState } from './secretChecks';

function StateIcon({ state }: Pick<CheckedSecretReference, 'state'>) {
  if (state === 'present') return <StatusOK />;
  if (state === 'unchecked') return <StatusWarning />;
  return <StatusError />;
}

/** Secret-backed settings: which Secret and key each comes from, and whether it is there. */
export function SecretReferenceList({
  references,
}: {
  references: CheckedSecretReference[];
}) {
  if (!references.length) return null;
  return (
    <Flex direction="column" gap="1">
      <Text as="h4" variant="body-small" weight="bold">
        From Secrets
      </Text>
      <ul
        aria-label="Settings read from Secrets"
        style={{ margin: 0, paddingLeft: 0, listStyle: 'none' }}
      >
        {references.map(reference => (
          <li key={`${reference.env}:${reference.secretName}:${reference.key}`}>
            <Text as="p" variant="body-small">
              {reference.label} ({reference.env}): Secret{' '}
              <code>{reference.secretName}</code>, key{' '}
              <code>{reference.key}</code>
            </Text>
            <Text
              as="p"
              variant="body-small"
              color={reference.state === 'present' ? 'secondary' : 'warning'}
            >
              <StateIcon state={reference.state} />
              {describeSecretState(reference)}
            </Text>
          </li>
        ))}
      </ul>
    </Flex>
  );
}
