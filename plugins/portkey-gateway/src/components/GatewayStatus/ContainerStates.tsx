import type { GatewayContainerStatus } from '@portkey-gateway-backstage/plugin-portkey-gateway-common';
import Typography from '@material-ui/core/Typography';

/** "gateway: waiting (CrashLoopBackOff)", "redis: running, ready" */
export function containerStateText(container: GatewayContainerStatus): string {
  const state = container.reason
    ? `${container.state} (${container.reason})`
    : container.state;
  return `${container.name}: ${state}${container.ready ? ', ready' : ''}`;
}

/**
 * Each container's state in one short line; why it waits or ended is in the pod's
 * problems ({@link PodProblems}), which have the room to read.
 */
export function ContainerStates(props: {
  containers: GatewayContainerStatus[];
}) {
  return (
    <>
      {props.containers.map(container => (
        <Typography variant="body2" key={container.name}>
          {containerStateText(container)}
        </Typography>
      ))}
    </>
  );
}
