import { CodeSnippet, EmptyState } from '@backstage/core-components';
import type { GatewayEntityStatus } from '@portkey-gateway-backstage/plugin-portkey-gateway-common';
import Typography from '@material-ui/core/Typography';

const annotationsExample = (status: GatewayEntityStatus) =>
  `metadata:
  annotations:
    portkey.ai/gateway-release: ${status.release}
    portkey.ai/gateway-namespace: ${status.namespace}
    portkey.ai/gateway-cluster: ${status.cluster}`;

/** Nothing of the release runs where the entity says: what was searched, and how to fix it. */
export function GatewayNotFound(props: { status: GatewayEntityStatus }) {
  const { status } = props;
  return (
    <EmptyState
      missing="data"
      title={`No gateway release "${status.release}" in namespace "${status.namespace}" of cluster "${status.cluster}"`}
      description={
        <>
          <Typography variant="body1" paragraph>
            No Deployment or pod matched the label selector{' '}
            <code>{status.labelSelector}</code>. If the gateway is installed
            under another release name, namespace or cluster, correct the
            entity's annotations in its catalog-info.yaml:
          </Typography>
          <CodeSnippet language="yaml" text={annotationsExample(status)} />
        </>
      }
    />
  );
}
