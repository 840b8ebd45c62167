import type {
  V1ConfigMap,
  V1Secret,
  V1ServiceAccount,
} from '@kubernetes/client-node';
import { kubeGet } from '../kubernetes/kubeGet';
import {
  KubernetesApiError,
  toPortalError,
} from '../kubernetes/kubernetesErrors';
import { NamespaceTarget } from '../kubernetes/target';

/** The objects the settings read one by one, with their API resource names. */
type Readable = {
  Secret: V1Secret;
  ConfigMap: V1ConfigMap;
  ServiceAccount: V1ServiceAccount;
};
const RESOURCES: Record<keyof Readable, string> = {
  Secret: 'secrets',
  ConfigMap: 'configmaps',
  ServiceAccount: 'serviceaccounts',
};

export type OptionalRead<T> =
  | { outcome: 'found'; value: T }
  | { outcome: 'missing' }
  | { outcome: 'forbidden' };

/**
 * GETs one object of the target's namespace over the cluster's kept-alive connection (see
 * kubeGet), as plain JSON (Secret `data` stays base64). 404 and 401/403 come back as
 * outcomes the caller reports in plain language; anything else (unreachable cluster, server
 * errors) becomes the portal's error through toPortalError.
 */
export async function readOptional<K extends keyof Readable>(
  target: NamespaceTarget,
  kind: K,
  name: string,
): Promise<OptionalRead<Readable[K]>> {
  const { cluster, namespace, clients } = target;
  const path = `/api/v1/namespaces/${encodeURIComponent(namespace)}/${
    RESOURCES[kind]
  }/${encodeURIComponent(name)}`;
  try {
    return { outcome: 'found', value: await kubeGet(clients.kubeConfig, path) };
  } catch (error) {
    if (error instanceof KubernetesApiError) {
      if (error.code === 404) return { outcome: 'missing' };
      if (error.code === 401 || error.code === 403)
        return { outcome: 'forbidden' };
    }
    throw toPortalError(error, {
      cluster,
      action: `read ${kind} ${name} in namespace ${namespace}`,
    });
  }
}

/** Reads one object of the answer's namespace; see objectReader. */
export type ObjectReader = <K extends keyof Readable>(
  kind: K,
  name: string,
) => Promise<OptionalRead<Readable[K]>>;

/**
 * readOptional for one settings answer: each object is read once, however many references
 * (env entries, the PEM volume) name it.
 */
export function objectReader(target: NamespaceTarget): ObjectReader {
  const reads = new Map<string, Promise<OptionalRead<unknown>>>();
  return <K extends keyof Readable>(kind: K, name: string) => {
    const key = `${kind}/${name}`;
    let read = reads.get(key);
    if (!read) {
      read = readOptional(target, kind, name);
      reads.set(key, read);
    }
    return read as Promise<OptionalRead<Readable[K]>>;
  };
}
