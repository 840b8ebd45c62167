import {
  StatusError,
  StatusOK,
  Table,
  TableColumn,
} from '@backstage/core-components';
import type {
  GatewayPodStatus,
  GatewayWarningEvent,
} from '@portkey-gateway-backstage/plugin-portkey-gateway-common';
import Typography from '@material-ui/core/Typography';
import { ContainerStates } from './ContainerStates';
import { formatAge } from './formatAge';
import { HintList } from './HintList';
import { WarningList } from './WarningList';

type PodRow = GatewayPodStatus & {
  id: string;
  age: string;
  warnings: GatewayWarningEvent[];
};

const columns: TableColumn<PodRow>[] = [
  {
    title: 'Pod',
    field: 'name',
    highlight: true,
    render: pod => (
      <>
        <Typography variant="body2">{pod.name}</Typography>
        {pod.reason && (
          <Typography variant="body2">
            {pod.reason}
            {pod.message && `: ${pod.message}`}
          </Typography>
        )}
        <HintList hints={pod.hints} />
      </>
    ),
  },
  { title: 'Phase', field: 'phase' },
  {
    title: 'Ready',
    field: 'ready',
    render: pod =>
      pod.ready ? (
        <StatusOK>Ready</StatusOK>
      ) : (
        <StatusError>Not ready</StatusError>
      ),
  },
  { title: 'Restarts', field: 'restarts', type: 'numeric' },
  { title: 'Age', field: 'age' },
  { title: 'Node', field: 'node' },
  {
    title: 'Containers',
    render: pod => <ContainerStates containers={pod.containers} />,
  },
  {
    title: 'Warnings',
    render: pod => <WarningList warnings={pod.warnings} />,
  },
];

/** The pods of one workload, each with its containers and its own warnings. */
export function PodsTable(props: {
  title: string;
  pods: GatewayPodStatus[];
  warningsByPod: Map<string, GatewayWarningEvent[]>;
}) {
  const now = Date.now();
  const rows: PodRow[] = props.pods.map(pod => ({
    ...pod,
    id: pod.name,
    age: formatAge(pod.createdAt, now),
    warnings: props.warningsByPod.get(pod.name) ?? [],
  }));
  return (
    <Table<PodRow>
      title={props.title}
      columns={columns}
      data={rows}
      options={{ paging: false, search: false, padding: 'dense' }}
      emptyContent={
        <Typography variant="body2" style={{ padding: 16 }}>
          No pods.
        </Typography>
      }
    />
  );
}
