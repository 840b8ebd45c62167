import { InfoCard, StructuredMetadataTable } from '@backstage/core-components';
import type {
  GatewayWarningEvent,
  GatewayWorkloadStatus,
} from '@portkey-gateway-backstage/plugin-portkey-gateway-common';
import Typography from '@material-ui/core/Typography';
import { RolloutStatus } from './RolloutStatus';
import { WarningList } from './WarningList';

/** "1 of 2 ready" */
export function replicasText(workload: GatewayWorkloadStatus): string {
  const { ready, desired } = workload.replicas;
  return `${ready} of ${desired} ready`;
}

/** One Deployment at a glance: replicas, versions, image, rollout, and its own warnings. */
export function WorkloadSummaryCard(props: {
  title: string;
  workload: GatewayWorkloadStatus;
  /** Only the gateway has chart and app versions. */
  versions?: { chart?: string; appVersion?: string };
  workloadWarnings: GatewayWarningEvent[];
}) {
  const { workload, versions } = props;
  const metadata: Record<string, unknown> = {
    Deployment: workload.deployment,
    Replicas: replicasText(workload),
    ...(versions && {
      Chart: versions.chart ?? 'unknown',
      'App version': versions.appVersion ?? 'unknown',
    }),
    Image: workload.image ?? 'unknown',
    Rollout: (
      <>
        <RolloutStatus rollout={workload.rollout} />
        {workload.rolloutMessage && (
          <Typography variant="body2">{workload.rolloutMessage}</Typography>
        )}
      </>
    ),
  };
  return (
    <InfoCard title={props.title} variant="gridItem">
      <StructuredMetadataTable
        metadata={metadata}
        options={{ titleFormat: key => key }}
      />
      {props.workloadWarnings.length > 0 && (
        <>
          <Typography variant="subtitle2">Warnings</Typography>
          <WarningList warnings={props.workloadWarnings} showObject />
        </>
      )}
    </InfoCard>
  );
}
