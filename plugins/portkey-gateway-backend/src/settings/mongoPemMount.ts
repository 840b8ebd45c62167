import type { V1Container, V1PodSpec } from '@kubernetes/client-node';
import { PORTKEY_CHART } from '@portkey-gateway-backstage/plugin-portkey-gateway-common';

const PEM_PATH = PORTKEY_CHART.mongoPemPath;

/**
 * Where the file at the MongoDB PEM path comes from: a key of a Secret or ConfigMap volume.
 * `file` is the name the mount reads inside the volume (the subPath, or the PEM's file name
 * for a mount of its directory); `key` is the object's key that lands there, when the
 * volume projects one (`items` map keys to other file names).
 */
export type MongoPemSource = {
  kind: 'Secret' | 'ConfigMap';
  name: string;
  volume: string;
  file: string;
  key?: string;
  /** Every key the volume's `items` project (each must exist unless optional); else undefined. */
  itemKeys?: string[];
  /** The volume source is `optional`: a missing object or key does not stop the pod. */
  optional: boolean;
  /** The mount is of the PEM path itself without subPath: a directory, not a file. */
  directory: boolean;
};

/**
 * The Secret or ConfigMap behind the gateway container's file at the MongoDB PEM path, as
 * the chart's `volumes`/`volumeMounts` put it there (REFERENCE.md §2: mount at the path with
 * `subPath`), or by a mount of its directory. undefined when nothing is mounted there, or
 * the volume is of another kind (CSI, projected), which is not checked.
 */
export function findMongoPemSource(
  podSpec: V1PodSpec | undefined,
  container: V1Container | undefined,
): MongoPemSource | undefined {
  const dir = PEM_PATH.slice(0, PEM_PATH.lastIndexOf('/'));
  const fileName = PEM_PATH.slice(dir.length + 1);
  const at = (m: { mountPath: string }) => m.mountPath.replace(/\/+$/, '');
  const mounts = container?.volumeMounts ?? [];
  // The most specific mount wins, as in the container's filesystem.
  const mount =
    mounts.find(m => at(m) === PEM_PATH) ??
    mounts.find(m => at(m) === dir && !m.subPath);
  if (!mount) return undefined;
  const volume = podSpec?.volumes?.find(v => v.name === mount.name);
  const source = volume?.secret ?? volume?.configMap;
  const name = volume?.secret?.secretName ?? volume?.configMap?.name;
  if (!volume || !source || !name) return undefined;
  const directory = at(mount) === PEM_PATH && !mount.subPath;
  const file = at(mount) === PEM_PATH ? mount.subPath ?? '' : fileName;
  // With items, only the listed keys are projected, each under its path.
  const key = source.items
    ? source.items.find(item => item.path === file)?.key
    : file;
  return {
    kind: volume.secret ? 'Secret' : 'ConfigMap',
    name,
    volume: volume.name,
    file,
    ...(key !== undefined ? { key } : {}),
    ...(source.items ? { itemKeys: source.items.map(item => item.key) } : {}),
    optional: source.optional ?? false,
    directory,
  };
}
