import { CodeSnippet, EmptyState } from '@backstage/core-components';
import type { GatewayEntityStatus } from '@portkey-gateway-backstage/plugin-portkey-gateway-common';

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
      description={`No Deployment or pod matched the label selector ${status.labelSelector}. If the gateway is installed under another release name, namespace or cluster, correct the portkey.ai/gateway-* annotations in the entity's catalog-info.yaml:`}
      action={<CodeSnippet language="yaml" text={annotationsExample(status)} />}
    />
  );
}
