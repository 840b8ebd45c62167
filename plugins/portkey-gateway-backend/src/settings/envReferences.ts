import { V1EnvVar } from '@kubernetes/client-node';

/** What Kubernetes does to a pod whose required env source is missing. */
export const FAILS =
  'the gateway pods will fail to start with CreateContainerConfigError';

/** Keys of one Secret or ConfigMap the env reads, and whether each reference is optional. */
export type KeyRefs = Map<string, { optional: boolean }>;

/** The Secrets and ConfigMaps a container's env refers to, by name, with their keys. */
export function collectEnvReferences(envVars: V1EnvVar[]) {
  const secrets = new Map<string, KeyRefs>();
  const configMaps = new Map<string, KeyRefs>();
  const add = (
    map: Map<string, KeyRefs>,
    name: string,
    key: string,
    optional?: boolean,
  ) => {
    const refs: KeyRefs = map.get(name) ?? new Map();
    // Required as soon as one reference to the key is.
    const earlier = refs.get(key)?.optional ?? true;
    refs.set(key, { optional: earlier && !!optional });
    map.set(name, refs);
  };
  for (const v of envVars) {
    const s = v.valueFrom?.secretKeyRef;
    if (s?.name) add(secrets, s.name, s.key, s.optional);
    const c = v.valueFrom?.configMapKeyRef;
    if (c?.name) add(configMaps, c.name, c.key, c.optional);
  }
  return { secrets, configMaps };
}

/** The keys that must exist for the pod to start. */
export const requiredKeys = (
  refs: KeyRefs,
  keys: string[] = [...refs.keys()],
) => keys.filter(k => !refs.get(k)?.optional);
