import type { CompoundEntityRef } from '@backstage/catalog-model';
import { Progress } from '@backstage/core-components';
import { Text } from '@backstage/ui';
import { useSettingsOfEntity } from '../../hooks/useSettingsOfEntity';
import { FailureAlert } from './FailureAlert';
import { GatewaySettingsView } from './GatewaySettingsView';
import { requestFailureOf } from './requestFailure';

function SettingsFailure({
  error,
  onRetry,
}: {
  error: Error;
  onRetry: () => void;
}) {
  const { statusCode, message } = requestFailureOf(error);
  switch (statusCode) {
    case 403:
      // A missing permission is an answer, not a failure: no retry, no error styling.
      return (
        <FailureAlert
          status="info"
          title="You may not see this gateway's settings"
          message={message}
          advice="Its status is still shown to you. Ask the gateway's owners, or your portal's administrators, for the settings permission."
        />
      );
    case 404:
      return (
        <FailureAlert
          status="warning"
          title="Gateway not found"
          message={message}
          advice="Check the entity's portkey.ai/gateway-release and portkey.ai/gateway-namespace annotations against what runs in the cluster."
          onRetry={onRetry}
        />
      );
    case 400:
      return (
        <FailureAlert
          status="warning"
          title="The entity's gateway annotations are not usable"
          message={message}
        />
      );
    case 503:
      return (
        <FailureAlert
          status="danger"
          title="The cluster could not be read"
          message={message}
          onRetry={onRetry}
        />
      );
    default:
      return (
        <FailureAlert
          status="danger"
          title="The settings could not be read"
          message={message}
          onRetry={onRetry}
        />
      );
  }
}

/** The settings of the gateway an entity describes, loaded from the backend. */
export function EntityGatewaySettings({
  entityRef,
}: {
  entityRef: CompoundEntityRef;
}) {
  const { value, loading, error, retry } = useSettingsOfEntity(entityRef);
  if (loading && !value) {
    return (
      <div role="status">
        <Text variant="body-small">Reading the gateway's settings…</Text>
        <Progress />
      </div>
    );
  }
  if (error) return <SettingsFailure error={error} onRetry={retry} />;
  if (!value) return null;
  return <GatewaySettingsView settings={value} />;
}
