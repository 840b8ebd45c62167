import {
  CompoundEntityRef,
  Entity,
  getCompoundEntityRef,
} from '@backstage/catalog-model';
import {
  GatewayEntityTarget,
  readGatewayAnnotations,
} from '@portkey-gateway-backstage/plugin-portkey-gateway-common';

/** A catalog entity that describes a deployed gateway, and which one. */
export type GatewayEntity = {
  entityRef: CompoundEntityRef;
  target: GatewayEntityTarget;
};

/** The gateway entities among catalog entities; those with unusable annotations are left out. */
export function gatewayEntitiesOf(entities: Entity[]): GatewayEntity[] {
  return entities.flatMap(entity => {
    const { target } = readGatewayAnnotations(entity);
    return target ? [{ entityRef: getCompoundEntityRef(entity), target }] : [];
  });
}

/**
 * Whether an entity's gateway is in this cluster. An entity without a cluster annotation
 * means the portal's only cluster, or its cluster named `default` (the backend's rule).
 */
export function isInCluster(
  target: GatewayEntityTarget,
  cluster: string,
  clusterCount: number,
): boolean {
  if (target.cluster) return target.cluster === cluster;
  return clusterCount === 1 || cluster === 'default';
}

/** The entity describing a release of this cluster and namespace, if the catalog has one. */
export function findGatewayEntity(
  entities: GatewayEntity[],
  where: {
    cluster: string;
    namespace: string;
    release: string;
    clusterCount: number;
  },
): GatewayEntity | undefined {
  return entities.find(
    ({ target }) =>
      target.release === where.release &&
      target.namespace === where.namespace &&
      isInCluster(target, where.cluster, where.clusterCount),
  );
}
