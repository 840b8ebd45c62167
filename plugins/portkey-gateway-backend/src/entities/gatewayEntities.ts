import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  PORTKEY_GATEWAY_ANNOTATIONS,
  readGatewayAnnotations,
} from '@portkey-gateway-backstage/plugin-portkey-gateway-common';
import { ClusterRegistry } from '../kubernetes/ClusterRegistry';
import { NamespaceTarget } from '../kubernetes/target';

/**
 * The catalog entity, read with the caller's own credentials: an entity the caller may not
 * see is the same 404 as one that does not exist.
 */
export async function readEntity(
  catalog: CatalogService,
  ref: { kind: string; namespace: string; name: string },
  credentials: BackstageCredentials,
): Promise<{ entity: Entity; entityRef: string }> {
  const entity = await catalog.getEntityByRef(ref, { credentials });
  if (!entity) {
    throw new NotFoundError(
      `No entity ${stringifyEntityRef(ref)} in the catalog`,
    );
  }
  return { entity, entityRef: stringifyEntityRef(entity) };
}

/**
 * The cluster, namespace and release a gateway entity's annotations name, resolved against the
 * configured clusters (and their namespace allow-lists). Each problem names its annotation.
 */
export function gatewayTargetOf(
  entity: Entity,
  entityRef: string,
  clusters: ClusterRegistry,
): NamespaceTarget & { release: string } {
  const read = readGatewayAnnotations(entity);
  if (read.problems) {
    throw new InputError(
      `Entity ${entityRef} does not say which gateway it is: ${read.problems
        .map(p => `annotation ${p.annotation} ${p.message}`)
        .join('; ')}`,
    );
  }
  const { release, namespace, cluster } = read.target;
  if (cluster !== undefined && !clusters.has(cluster)) {
    throw new InputError(
      `Entity ${entityRef}: annotation ${
        PORTKEY_GATEWAY_ANNOTATIONS.cluster
      } names cluster "${cluster}", which the portal does not know (configured: ${clusters
        .names()
        .join(', ')})`,
    );
  }
  const names = clusters.names();
  if (cluster === undefined && names.length > 1 && !names.includes('default')) {
    throw new InputError(
      `Entity ${entityRef}: annotation ${
        PORTKEY_GATEWAY_ANNOTATIONS.cluster
      } is missing, and the portal has several clusters (${names.join(
        ', ',
      )}): it must name one`,
    );
  }
  const clients = clusters.forNamespace(cluster, namespace);
  return { cluster: clients.name, namespace, clients, release };
}
