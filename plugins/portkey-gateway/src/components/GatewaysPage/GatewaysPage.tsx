import { Container, Flex, Text } from '@backstage/ui';
import { useGatewaysPageQuery } from '../../hooks/useGatewaysPageQuery';
import {
  useGatewaysPageClusters,
  useGatewaysPageEntities,
} from '../../hooks/useGatewaysPageSources';
import { FailureAlert, requestFailureOf } from '../RequestFailure';
import { ClusterNamespacePicker } from './ClusterNamespacePicker';
import { namespaceChoices } from './namespaceChoices';
import { NamespaceGateways } from './NamespaceGateways';

/** Every gateway of a chosen cluster and namespace, with its health. */
function GatewaysPageBody() {
  const [query, setQuery] = useGatewaysPageQuery();
  const clusters = useGatewaysPageClusters();
  const entities = useGatewaysPageEntities();

  if (clusters.loading)
    return (
      <Text role="status" variant="body-small">
        Reading the clusters…
      </Text>
    );
  if (clusters.error) {
    const { message } = requestFailureOf(clusters.error);
    return (
      <FailureAlert
        status="danger"
        title="The clusters could not be read"
        message={message}
      />
    );
  }
  const all = clusters.value ?? [];
  // Without a choice in the URL, the first cluster is shown (without writing it to the URL).
  const cluster = all.find(c => c.name === query.cluster) ?? all[0];
  if (!cluster)
    return (
      <FailureAlert
        status="warning"
        title="No cluster is configured"
        message="The backend reads no cluster: configure portkeyGateway.clusters or the Kubernetes plugin's clusters."
      />
    );
  const gatewayEntities = entities.value ?? [];
  const choices = namespaceChoices(cluster, gatewayEntities, all.length);

  return (
    <Flex direction="column" gap="4">
      {query.cluster && query.cluster !== cluster.name && (
        <FailureAlert
          status="warning"
          title={`No cluster named ${query.cluster}`}
          message={`Showing cluster ${cluster.name} instead.`}
        />
      )}
      <ClusterNamespacePicker
        clusters={all}
        cluster={cluster}
        choices={choices}
        query={query}
        onChange={setQuery}
      />
      {entities.error && (
        <FailureAlert
          status="warning"
          title="The catalog could not be read"
          message={`Gateways are not linked to their entities, and only the allow-list is offered: ${entities.error.message}`}
        />
      )}
      {query.namespace ? (
        <NamespaceGateways
          cluster={cluster.name}
          namespace={query.namespace}
          clusterCount={all.length}
          entities={gatewayEntities}
        />
      ) : (
        <Text variant="body-medium">
          Choose a namespace to see its gateways.
        </Text>
      )}
    </Flex>
  );
}

/** {@link GatewaysPageBody} in the padded content area a page needs (the page blueprint and legacy routes give only the header). */
export function GatewaysPage() {
  return (
    <Container>
      <GatewaysPageBody />
    </Container>
  );
}
