import type { GatewayPodStatus } from '@portkey-gateway-backstage/plugin-portkey-gateway-common';
import type { GatewayLogsSource } from '../../api/PortkeyGatewayApi';

/** Placeholder: the logs view is built on its own branch and replaces this at merge. */
export function GatewayLogsView(props: {
  pods: GatewayPodStatus[];
  source: GatewayLogsSource;
}) {
  return <p>Logs of {props.pods.length} pods (coming with the logs view).</p>;
}
