import { Alert, Card, CardBody, CardHeader, Flex, Text } from '@backstage/ui';
import { ReactNode, useId } from 'react';
import { CheckedSecretReference } from './secretChecks';
import { SecretReferenceList } from './SecretReferenceList';
import { SettingsDescription } from './settingsDescription';

/** The summary under its heading, as a sentence ("off" reads "Off"). */
const sentence = (summary: string) =>
  summary.charAt(0).toUpperCase() + summary.slice(1);

/**
 * One part of a gateway's settings (a store, Bedrock, the data service...): its heading, its
 * summary line under it (not repeating the heading), the non-secret settings, and the
 * Secret-backed ones with their checks.
 */
export function SettingsSection({
  title,
  description,
  secrets = [],
  children,
}: {
  title: string;
  description: SettingsDescription;
  secrets?: CheckedSecretReference[];
  children?: ReactNode;
}) {
  const headingId = useId();
  return (
    <Card role="region" aria-labelledby={headingId}>
      <CardHeader>
        <Text as="h3" variant="title-x-small" id={headingId}>
          {title}
        </Text>
        <Text as="p" variant="body-medium">
          {sentence(description.summary)}
        </Text>
      </CardHeader>
      <CardBody>
        <Flex direction="column" gap="2">
          {description.warning && (
            <Alert status="warning" icon title={description.warning} />
          )}
          {description.fields.length > 0 && (
            <dl
              style={{
                margin: 0,
                display: 'grid',
                gridTemplateColumns: 'max-content 1fr',
                columnGap: '1rem',
                rowGap: '0.25rem',
              }}
            >
              {description.fields.map(field => (
                <SettingRow
                  key={field.label}
                  label={field.label}
                  value={field.value}
                />
              ))}
            </dl>
          )}
          <SecretReferenceList references={secrets} />
          {children}
        </Flex>
      </CardBody>
    </Card>
  );
}

/** A definition-list row without a wrapper element (dt and dd stay direct children of dl). */
function SettingRow({ label, value }: { label: string; value: string }) {
  return (
    <>
      <dt>
        <Text variant="body-small" color="secondary">
          {label}
        </Text>
      </dt>
      <dd style={{ margin: 0, overflowWrap: 'anywhere' }}>
        <Text variant="body-small">{value}</Text>
      </dd>
    </>
  );
}
