import type {
  GatewayStatus,
  GatewayWorkloadStatus,
} from '@portkey-gateway-backstage/plugin-portkey-gateway-common';
import Grid from '@material-ui/core/Grid';
import { PodsTable } from './PodsTable';
import { splitWarningsByPod } from './podWarnings';
import { WorkloadSummaryCard } from './WorkloadSummaryCard';

type Workload = {
  title: string;
  workload: GatewayWorkloadStatus;
  versions?: { chart?: string; appVersion?: string };
};

/** The gateway, then its data service and in-cluster Redis when they exist. */
function workloadsOf(gateway: GatewayStatus): Workload[] {
  const workloads: Workload[] = [
    {
      title: 'Gateway',
      workload: gateway,
      versions: { chart: gateway.chart, appVersion: gateway.appVersion },
    },
  ];
  if (gateway.dataService) {
    workloads.push({ title: 'Data service', workload: gateway.dataService });
  }
  if (gateway.redis)
    workloads.push({ title: 'Redis', workload: gateway.redis });
  return workloads;
}

/** Every workload of the release: its summary beside the others, then its pods. */
export function GatewayStatusDetails(props: { gateway: GatewayStatus }) {
  const workloads = workloadsOf(props.gateway).map(item => ({
    ...item,
    warnings: splitWarningsByPod(item.workload.warnings),
  }));
  const width = workloads.length === 1 ? 12 : 12 / workloads.length;
  return (
    <Grid container spacing={3}>
      {workloads.map(item => (
        <Grid
          item
          xs={12}
          md={width as 4 | 6 | 12}
          key={`summary:${item.title}`}
        >
          <WorkloadSummaryCard
            title={item.title}
            workload={item.workload}
            versions={item.versions}
            workloadWarnings={item.warnings.workload}
          />
        </Grid>
      ))}
      {workloads.map(item => (
        <Grid item xs={12} key={`pods:${item.title}`}>
          <PodsTable
            title={`${item.title} pods`}
            pods={item.workload.pods}
            warningsByPod={item.warnings.byPod}
          />
        </Grid>
      ))}
    </Grid>
  );
}
