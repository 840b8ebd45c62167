import type {
  GatewayContainerStatus,
  GatewayPodStatus,
  GatewayWarningEvent,
} from '@portkey-gateway-backstage/plugin-portkey-gateway-common';
import Typography from '@material-ui/core/Typography';
import { HintList } from './HintList';
import { WarningList } from './WarningList';

function lastTerminationText(container: GatewayContainerStatus) {
  if (!container.lastTerminationReason) return undefined;
  const exitCode =
    container.lastTerminationExitCode === undefined
      ? ''
      : `, exit code ${container.lastTerminationExitCode}`;
  return `Last termination: ${container.lastTerminationReason}${exitCode}`;
}

function hasProblem(container: GatewayContainerStatus): boolean {
  return Boolean(
    container.message ||
      container.lastTerminationReason ||
      container.hints.length,
  );
}

/** Why one container waits or ended, and the hints for that. */
function ContainerProblem(props: { container: GatewayContainerStatus }) {
  const { container } = props;
  const lastTermination = lastTerminationText(container);
  return (
    <div>
      <Typography variant="body2">
        <strong>{container.name}</strong>
        {container.message && `: ${container.message}`}
      </Typography>
      {lastTermination && (
        <Typography variant="body2">{lastTermination}</Typography>
      )}
      <HintList hints={container.hints} />
    </div>
  );
}

/**
 * Everything that is wrong with one pod, in its own wide column: the pod's reason, each
 * container's reason and last termination, the pod's warning events, and the hint for each
 * where it was given (the backend gives each hint once).
 */
export function PodProblems(props: {
  pod: GatewayPodStatus;
  warnings: GatewayWarningEvent[];
}) {
  const { pod, warnings } = props;
  return (
    <>
      {pod.reason && (
        <Typography variant="body2">
          {pod.reason}
          {pod.message && `: ${pod.message}`}
        </Typography>
      )}
      <HintList hints={pod.hints} />
      {pod.containers.filter(hasProblem).map(container => (
        <ContainerProblem key={container.name} container={container} />
      ))}
      <WarningList warnings={warnings} />
    </>
  );
}
