import { ClusterClients } from '../clusters/ClusterRegistry';

export type NamespaceTarget = {
  cluster: string;
  namespace: string;
  clients: ClusterClients;
};

/** Lists the gateways of a namespace with their pods, health and events. */
export class GatewayStatusService {
  async listGateways(
    _target: NamespaceTarget & { release?: string },
  ): Promise<unknown> {
    throw new Error('not implemented yet');
  }
}
