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

// Explicit widths, held by a fixed table layout (with material-table's automatic layout they
// are only hints, and long pod names took the space back): by default every column gets an
// equal share, which squeezed the problems into a column too narrow to read. The short facts
// get what one line of them needs.
const columns: TableColumn<PodRow>[] = [
  {
    title: 'Pod',
    field: 'name',
    highlight: true,
    width: '16%',
  },
  { title: 'Phase', field: 'phase', width: '10%' },
  {
    title: 'Ready',
    field: 'ready',
    width: '11%',
    render: pod =>
      pod.ready ? (
        <StatusOK>Ready</StatusOK>
      ) : (
        <StatusError>Not ready</StatusError>
      ),
  },
  { title: 'Restarts', field: 'restarts', type: 'numeric', width: '8%' },
  { title: 'Age', field: 'age', width: '7%' },
  { title: 'Node', field: 'node', width: '9%' },
  {
    title: 'Containers',
    width: '11%',
    render: pod => <ContainerStates containers={pod.containers} />,
  },
  {
    title: 'Problems and hints',
    width: '28%',
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
      options={{
        paging: false,
        search: false,
        padding: 'dense',
        tableLayout: 'fixed',
      }}
      emptyContent={
        <Typography variant="body2" style={{ padding: 16 }}>
          No pods.
        </Typography>
      }
    />
  );
}
