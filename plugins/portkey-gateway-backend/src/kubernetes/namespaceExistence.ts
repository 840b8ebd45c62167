import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { KubeGet, kubeGet as defaultKubeGet } from './kubeGet';
import { KubernetesApiError } from './kubernetesErrors';
import { NamespaceTarget } from './target';

/**
 * What `GET /api/v1/namespaces/<ns>` said. `unknown`: the portal may not get namespaces (the
 * README's Role is namespaced, so this is common) or the check failed.
 */
export type NamespaceExistence = 'exists' | 'missing' | 'unknown';

/**
 * Said instead of "no gateway" when the namespace is not there at all, also where RBAC refused
 * the list (a namespaced Role is bound in no namespace that does not exist).
 */
export function namespaceMissingError(target: NamespaceTarget): NotFoundError {
  return new NotFoundError(
    `Namespace "${target.namespace}" does not exist in cluster "${target.cluster}"`,
  );
}

/**
 * Whether namespaces exist, asked only when an answer is empty (or refused) and remembered
 * for `ttlMs` per cluster and namespace, so viewers of an empty namespace cost one GET per
 * 30 s between them, not one each.
 */
export class NamespaceExistenceCache {
  private readonly known = new Map<
    string,
    { until: number; existence: Promise<NamespaceExistence> }
  >();
  private readonly kubeGet: KubeGet;
  private readonly ttlMs: number;
  private readonly now: () => number;
  private readonly maxEntries: number;

  constructor(
    options: {
      kubeGet?: KubeGet;
      ttlMs?: number;
      now?: () => number;
      maxEntries?: number;
    } = {},
  ) {
    this.kubeGet = options.kubeGet ?? defaultKubeGet;
    this.ttlMs = options.ttlMs ?? 30_000;
    this.now = options.now ?? Date.now;
    this.maxEntries = options.maxEntries ?? 256;
  }

  /**
   * For an answer that found nothing: throws the "does not exist" 404 when the namespace is
   * missing, else says whether it exists or could not be checked.
   */
  async requireExisting(
    target: NamespaceTarget,
  ): Promise<Exclude<NamespaceExistence, 'missing'>> {
    const existence = await this.check(target);
    if (existence === 'missing') throw namespaceMissingError(target);
    return existence;
  }

  /**
   * A refused list as the portal words it: a namespace that does not exist says so (a
   * namespaced Role is bound in no namespace that does not exist), anything else as it was.
   */
  async explainRefusal(
    target: NamespaceTarget,
    error: unknown,
  ): Promise<unknown> {
    if (error instanceof NotAllowedError) await this.requireExisting(target);
    return error;
  }

  check(target: NamespaceTarget): Promise<NamespaceExistence> {
    const key = JSON.stringify([target.cluster, target.namespace]);
    const cached = this.known.get(key);
    if (cached && cached.until > this.now()) return cached.existence;
    const existence = this.kubeGet(
      target.clients.kubeConfig,
      `/api/v1/namespaces/${encodeURIComponent(target.namespace)}`,
    ).then(
      () => 'exists' as const,
      error =>
        error instanceof KubernetesApiError && error.code === 404
          ? ('missing' as const)
          : ('unknown' as const),
    );
    this.known.delete(key);
    if (this.known.size >= this.maxEntries)
      this.known.delete(this.known.keys().next().value!);
    this.known.set(key, { until: this.now() + this.ttlMs, existence });
    return existence;
  }
}

/** Appended to "no gateway of release ..." when the namespace's existence is unknown. */
export const NAMESPACE_UNCHECKED =
  'whether the namespace exists could not be checked: the portal may not get namespaces';
