import type { GatewayCluster } from '../../api/PortkeyGatewayApi';
import { GatewayEntity, isInCluster } from './gatewayEntities';

/** A namespace the page offers, and why it is there. */
export type NamespaceChoice = {
  name: string;
  /** Named in the cluster's allow-list. */
  allowed: boolean;
  /** How many gateway entities of the catalog name it. */
  entityCount: number;
  /** The cluster's allow-list does not name it: the backend refuses to read it. */
  refused: boolean;
};

/**
 * The namespaces to offer for a cluster: its allow-list, plus the namespaces its gateway
 * entities name. An entity's namespace outside the allow-list is still listed (so the
 * mismatch is visible) but marked refused.
 */
export function namespaceChoices(
  cluster: GatewayCluster,
  entities: GatewayEntity[],
  clusterCount: number,
): NamespaceChoice[] {
  const counts = new Map<string, number>();
  for (const { target } of entities) {
    if (isInCluster(target, cluster.name, clusterCount))
      counts.set(target.namespace, (counts.get(target.namespace) ?? 0) + 1);
  }
  const names = new Set([...(cluster.namespaces ?? []), ...counts.keys()]);
  return [...names].sort().map(name => {
    const allowed = cluster.namespaces?.includes(name) ?? false;
    return {
      name,
      allowed,
      entityCount: counts.get(name) ?? 0,
      refused: cluster.namespaces !== null && !allowed,
    };
  });
}

/** Whether a person may type a namespace the page does not offer (the cluster allows all). */
export function allowsAnyNamespace(cluster: GatewayCluster): boolean {
  return cluster.namespaces === null;
}

/** Why a namespace is offered, for the option's description. */
export function describeChoice(choice: NamespaceChoice): string {
  if (choice.refused) return "not in the cluster's allow-list";
  let entities: string | undefined;
  if (choice.entityCount === 1) entities = '1 gateway entity';
  else if (choice.entityCount > 1)
    entities = `${choice.entityCount} gateway entities`;
  if (choice.allowed && entities) return `allow-list, ${entities}`;
  return choice.allowed ? 'allow-list' : entities ?? '';
}
