import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { Cell, CellText, ColumnConfig, Table, Text } from '@backstage/ui';
import type { GatewayStatus } from '@portkey-gateway-backstage/plugin-portkey-gateway-common';
import { describeCompanion, lastProblem } from './describeGatewayHealth';
import { GatewayEntity } from './gatewayEntities';
import { RolloutStatus } from '../GatewayStatus/RolloutStatus';

/** One row: a gateway, and the catalog entity that describes it if there is one. */
export type GatewayRow = GatewayStatus & { id: string; entity?: GatewayEntity };

/**
 * A cell whose words wrap instead of being cut to one line (CellText truncates: "1/1 ready
 * …" said nothing), with an optional secondary line (the chart version under the app's).
 */
function WrappedCell({ text, detail }: { text: string; detail?: string }) {
  return (
    <Cell>
      <Text as="p" variant="body-medium">
        {text}
      </Text>
      {detail && (
        <Text as="p" variant="body-x-small" color="secondary">
          {detail}
        </Text>
      )}
    </Cell>
  );
}

const columns: ColumnConfig<GatewayRow>[] = [
  {
    id: 'release',
    label: 'Gateway',
    isRowHeader: true,
    cell: row => (
      <Cell>
        {row.entity ? (
          <EntityRefLink entityRef={row.entity.entityRef} title={row.release} />
        ) : (
          <Text>{row.release}</Text>
        )}
        {!row.entity && (
          <Text as="p" variant="body-x-small" color="secondary">
            no catalog entity
          </Text>
        )}
      </Cell>
    ),
  },
  {
    id: 'health',
    label: 'Rollout',
    cell: row => (
      <Cell>
        <RolloutStatus rollout={row.rollout} />
      </Cell>
    ),
  },
  {
    id: 'ready',
    label: 'Ready',
    // "2/3": narrow, so the columns that need words get the room.
    defaultWidth: '0.6fr',
    cell: row => (
      <CellText title={`${row.replicas.ready}/${row.replicas.desired}`} />
    ),
  },
  {
    id: 'version',
    label: 'Version',
    cell: row => (
      <WrappedCell text={row.appVersion ?? 'unknown'} detail={row.chart} />
    ),
  },
  {
    id: 'dataService',
    label: 'Data service',
    // Room for the heading: Backstage UI cuts a heading off rather than wrapping it.
    defaultWidth: '1.3fr',
    cell: row => <WrappedCell text={describeCompanion(row.dataService)} />,
  },
  {
    id: 'redis',
    label: 'In-cluster Redis',
    defaultWidth: '1.5fr',
    cell: row => <WrappedCell text={describeCompanion(row.redis)} />,
  },
  {
    id: 'problem',
    label: 'Last problem',
    // The column people read first when a gateway is unhealthy: wide, and wrapped rather than
    // cut off (CellText truncates to one line).
    defaultWidth: '2.5fr',
    cell: row => (
      <Cell>
        <Text as="p" variant="body-small">
          {lastProblem(row) ?? '—'}
        </Text>
      </Cell>
    ),
  },
];

/** The gateways of a namespace with their health, each linked to its entity when it has one. */
export function GatewaysTable({ rows }: { rows: GatewayRow[] }) {
  return (
    <Table columnConfig={columns} data={rows} pagination={{ type: 'none' }} />
  );
}
