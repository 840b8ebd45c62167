import type { GatewayContainerStatus } from '@portkey-gateway-backstage/plugin-portkey-gateway-common';
import Typography from '@material-ui/core/Typography';
import { HintList } from './HintList';

function stateText(container: GatewayContainerStatus): string {
  const state = container.reason
    ? `${container.state} (${container.reason})`
    : container.state;
  return `${container.name}: ${state}${container.ready ? ', ready' : ''}`;
}

function lastTerminationText(container: GatewayContainerStatus) {
  if (!container.lastTerminationReason) return undefined;
  const exitCode =
    container.lastTerminationExitCode === undefined
      ? ''
      : `, exit code ${container.lastTerminationExitCode}`;
  return `Last termination: ${container.lastTerminationReason}${exitCode}`;
}

/** Each container's state, why it waits or ended, and the hints for that. */
export function ContainerStates(props: {
  containers: GatewayContainerStatus[];
}) {
  return (
    <>
      {props.containers.map(container => (
        <div key={container.name}>
          <Typography variant="body2">{stateText(container)}</Typography>
          {container.message && (
            <Typography variant="caption" color="textSecondary" component="p">
              {container.message}
            </Typography>
          )}
          {lastTerminationText(container) && (
            <Typography variant="body2">
              {lastTerminationText(container)}
            </Typography>
          )}
          <HintList hints={container.hints} />
        </div>
      ))}
    </>
  );
}
