import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { Tab, TabList, TabPanel, Tabs } from '@backstage/ui';
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
  return (
    <Tabs defaultSelectedKey="status">
      <TabList aria-label="Gateway">
        <Tab id="status">Status</Tab>
        <Tab id="logs">Logs</Tab>
        <Tab id="settings">Settings</Tab>
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
