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
import { PodProblems } from './PodProblems';

type PodRow = GatewayPodStatus & {
  id: string;
  age: string;
  warnings: GatewayWarningEvent[];
};

// Explicit widths: by default every column gets an equal share, which squeezed the
// problems into a column too narrow to read. The short facts get what they need.
const columns: TableColumn<PodRow>[] = [
  {
    title: 'Pod',
    field: 'name',
    highlight: true,
    width: '15%',
  },
  { title: 'Phase', field: 'phase', width: '7%' },
  {
    title: 'Ready',
    field: 'ready',
    width: '9%',
    render: pod =>
      pod.ready ? (
        <StatusOK>Ready</StatusOK>
      ) : (
        <StatusError>Not ready</StatusError>
      ),
  },
  { title: 'Restarts', field: 'restarts', type: 'numeric', width: '7%' },
  { title: 'Age', field: 'age', width: '5%' },
  { title: 'Node', field: 'node', width: '9%' },
  {
    title: 'Containers',
    width: '13%',
    render: pod => <ContainerStates containers={pod.containers} />,
  },
  {
    title: 'Problems and hints',
    width: '35%',
    render: pod => <PodProblems pod={pod} warnings={pod.warnings} />,
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
