import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { Tab, TabList, TabPanel, Tabs } from '@backstage/ui';
import { makeStyles } from '@material-ui/core/styles';
import type {
  GatewayPodStatus,
  GatewayStatus,
} from '@portkey-gateway-backstage/plugin-portkey-gateway-common';
import { useMemo } from 'react';
import { portkeyGatewayApiRef } from '../../api/PortkeyGatewayApi';
import { useGatewayEntityStatus } from '../../hooks/useGatewayEntityStatus';
import { GatewayLogsView } from '../GatewayLogs';
import { EntityGatewaySettings } from '../GatewaySettings';
import { GatewayStatusPanel } from '../GatewayStatus';

const useStyles = makeStyles({
  // Backstage UI 0.20 gives a Tab no focus style (its CSS styles only data-selected), so
  // keyboard focus on these tabs would be left to each browser's default: draw the ring its
  // buttons draw, on keyboard focus only.
  tab: {
    '&[data-focus-visible]': {
      outline: '2px solid var(--bui-ring)',
      outlineOffset: -2,
      borderRadius: 4,
    },
  },
});

/** Every pod whose logs the backend serves for the release: gateway, data service, Redis. */
function podsOf(gateway: GatewayStatus | undefined): GatewayPodStatus[] {
  if (!gateway) return [];
  return [
    ...gateway.pods,
    ...(gateway.dataService?.pods ?? []),
    ...(gateway.redis?.pods ?? []),
  ];
}

/**
 * The entity's "Gateway" tab: its status first, then its logs, then its settings.
 *
 * @public
 */
export function EntityPortkeyGatewayContent() {
  const { entity } = useEntity();
  const api = useApi(portkeyGatewayApiRef);
  const entityRef = useMemo(() => getCompoundEntityRef(entity), [entity]);
  const state = useGatewayEntityStatus(entityRef);
  const logsSource = useMemo(() => api.entityLogs(entityRef), [api, entityRef]);
  const pods = useMemo(() => podsOf(state.status?.gateway), [state.status]);
  const classes = useStyles();
  return (
    <Tabs defaultSelectedKey="status">
      <TabList aria-label="Gateway">
        <Tab id="status" className={classes.tab}>
          Status
        </Tab>
        <Tab id="logs" className={classes.tab}>
          Logs
        </Tab>
        <Tab id="settings" className={classes.tab}>
          Settings
        </Tab>
      </TabList>
      <TabPanel id="status">
        <GatewayStatusPanel state={state} />
      </TabPanel>
      <TabPanel id="logs">
        <GatewayLogsView pods={pods} source={logsSource} />
      </TabPanel>
      <TabPanel id="settings">
        <EntityGatewaySettings entityRef={entityRef} />
      </TabPanel>
    </Tabs>
  );
}
