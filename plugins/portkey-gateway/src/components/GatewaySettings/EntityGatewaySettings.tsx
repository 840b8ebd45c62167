import type { CompoundEntityRef } from '@backstage/catalog-model';
import { Progress } from '@backstage/core-components';
import { Text } from '@backstage/ui';
import { useSettingsOfEntity } from '../../hooks/useSettingsOfEntity';
import { FailureWordings, RequestFailureAlert } from '../RequestFailure';
import { GatewaySettingsView } from './GatewaySettingsView';

const SETTINGS_FAILURES: FailureWordings = {
  // A missing permission is an answer, not a failure: no retry, no error styling.
  403: {
    status: 'info',
    title: "You may not see this gateway's settings",
    advice:
      "Its status is still shown to you. Ask the gateway's owners, or your portal's administrators, for the settings permission.",
  },
  404: {
    status: 'warning',
    title: 'Gateway not found',
    advice:
      "Check the entity's portkey.ai/gateway-release and portkey.ai/gateway-namespace annotations against what runs in the cluster.",
    retry: true,
  },
  400: {
    status: 'warning',
    title: "The entity's gateway annotations are not usable",
  },
};

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
  if (error)
    return (
      <RequestFailureAlert
        error={error}
        onRetry={retry}
        wording={SETTINGS_FAILURES}
        fallbackTitle="The settings could not be read"
      />
    );
  if (!value) return null;
  return <GatewaySettingsView settings={value} />;
}
