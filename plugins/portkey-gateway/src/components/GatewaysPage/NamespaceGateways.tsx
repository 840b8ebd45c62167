import { Alert, Button, Flex, Text } from '@backstage/ui';
import { useNamespaceGateways } from '../../hooks/useNamespaceGateways';
import { FailureWordings, RequestFailureAlert } from '../RequestFailure';
import { GatewayEntity, findGatewayEntity } from './gatewayEntities';
import { GatewaysTable } from './GatewaysTable';

const NAMESPACE_FAILURES: FailureWordings = {
  403: {
    status: 'info',
    title: 'You may not read every gateway of this namespace',
    advice:
      'A namespace-wide read needs the permission for every gateway in it. Open the gateway from its entity page in the catalog instead: there the permission is decided for that gateway alone.',
  },
  404: { status: 'warning', title: 'Namespace not found' },
};

/** The gateways of the chosen namespace, or why there are none to show. */
export function NamespaceGateways({
  cluster,
  namespace,
  clusterCount,
  entities,
}: {
  cluster: string;
  namespace: string;
  clusterCount: number;
  entities: GatewayEntity[];
}) {
  const { value, loading, error, retry } = useNamespaceGateways(
    cluster,
    namespace,
  );
  if (loading && !value)
    return (
      <Text role="status" variant="body-small">
        Reading the gateways of {namespace}…
      </Text>
    );
  if (error)
    return (
      <RequestFailureAlert
        error={error}
        onRetry={retry}
        wording={NAMESPACE_FAILURES}
        fallbackTitle="The gateways could not be read"
      />
    );
  if (!value) return null;
  if (!value.items.length) {
    return (
      <Alert
        status="info"
        icon
        title={`No gateways in namespace ${namespace} of cluster ${cluster}`}
        description={
          <Text as="p" variant="body-small">
            Searched for the Portkey gateway chart's objects, labelled{' '}
            <code>{value.labelSelector}</code>. A release installed with{' '}
            <code>nameOverride</code> carries another name label: list it in the
            backend's <code>portkeyGateway.chartNameOverrides</code>.
          </Text>
        }
      />
    );
  }
  const rows = value.items.map(gateway => ({
    ...gateway,
    id: gateway.release,
    entity: findGatewayEntity(entities, {
      cluster,
      namespace,
      release: gateway.release,
      clusterCount,
    }),
  }));
  return (
    <Flex direction="column" gap="2">
      <Flex justify="between" align="center">
        <Text variant="body-small" color="secondary">
          {rows.length === 1 ? '1 gateway' : `${rows.length} gateways`}, read at{' '}
          {new Date(value.observedAt).toLocaleTimeString()}
        </Text>
        <Button
          size="small"
          variant="secondary"
          onPress={retry}
          isPending={loading}
        >
          Refresh
        </Button>
      </Flex>
      <GatewaysTable rows={rows} />
    </Flex>
  );
}
