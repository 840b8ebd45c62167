import type { z } from 'zod';
import { KUBERNETES_NAME_RULES } from '../model/kubernetesNameRules';
import {
  helmReleaseName,
  namespaceName,
  ruledName,
} from '../model/kubernetesNames';
import { PORTKEY_GATEWAY_ANNOTATIONS } from './annotations';

/**
 * Which deployed gateway a catalog entity describes, from its annotations.
 *
 * @public
 */
export type GatewayEntityTarget = {
  release: string;
  namespace: string;
  /** Absent: the portal's only cluster (or its cluster named `default`). */
  cluster?: string;
};

/**
 * What is wrong with one of an entity's gateway annotations.
 *
 * @public
 */
export type GatewayAnnotationProblem = {
  annotation: string;
  message: string;
};

/** The part of a catalog entity this reads (any Entity fits). */
type Annotated = { metadata: { annotations?: Record<string, string> } };

/**
 * True when the entity names a gateway release: the entity tab and card appear for it, and
 * the backend's entity routes serve it. (Its other annotations may still be wrong: see
 * readGatewayAnnotations.)
 *
 * @public
 */
export function isGatewayEntity(entity: Annotated): boolean {
  return Boolean(
    entity.metadata.annotations?.[PORTKEY_GATEWAY_ANNOTATIONS.release],
  );
}

/**
 * The gateway an entity describes (release, namespace and, optionally, cluster), as the
 * render action writes them into catalog-info.yaml, or every problem with them: a missing
 * annotation, or a value that cannot be a Helm release, namespace or cluster name.
 *
 * @public
 */
export function readGatewayAnnotations(
  entity: Annotated,
):
  | { target: GatewayEntityTarget; problems?: undefined }
  | { target?: undefined; problems: GatewayAnnotationProblem[] } {
  const annotations = entity.metadata.annotations ?? {};
  const problems: GatewayAnnotationProblem[] = [];
  const read = (
    annotation: string,
    rule: z.ZodType<string>,
    what: string,
    required: boolean,
  ): string | undefined => {
    const value = annotations[annotation];
    if (value === undefined || value === '') {
      if (required)
        problems.push({
          annotation,
          message: `is missing: it must name the ${what}`,
        });
      return undefined;
    }
    const parsed = rule.safeParse(value);
    if (!parsed.success) {
      const reason = parsed.error.issues[0]?.message ?? 'is not valid';
      problems.push({
        annotation,
        message: `is "${value.slice(
          0,
          64,
        )}", which is not a ${what}: it ${reason}`,
      });
      return undefined;
    }
    return value;
  };
  const release = read(
    PORTKEY_GATEWAY_ANNOTATIONS.release,
    helmReleaseName(),
    "gateway's Helm release",
    true,
  );
  const namespace = read(
    PORTKEY_GATEWAY_ANNOTATIONS.namespace,
    namespaceName(),
    'Kubernetes namespace the gateway is installed in',
    true,
  );
  const cluster = read(
    PORTKEY_GATEWAY_ANNOTATIONS.cluster,
    ruledName(KUBERNETES_NAME_RULES.cluster),
    'cluster name configured in the portal',
    false,
  );
  if (problems.length || !release || !namespace) return { problems };
  return { target: { release, namespace, ...(cluster ? { cluster } : {}) } };
}
