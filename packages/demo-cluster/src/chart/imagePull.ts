import type { V1LocalObjectReference, V1Secret } from '@kubernetes/client-node';
import { goString, truthy } from './goTemplate';
import { isMap, listAt } from './helmValues';
import { ChartContext } from './names';

const base64 = (text: string) => Buffer.from(text).toString('base64');

/**
 * The pods' `imagePullSecrets`: the names in `imagePullSecrets` (strings or `{name}`), then
 * every `imageCredentials[].name`, created or not, without repeats.
 */
export function imagePullSecretRefs(
  ctx: ChartContext,
): V1LocalObjectReference[] {
  const names: string[] = [];
  const add = (name: string) => {
    if (name && !names.includes(name)) names.push(name);
  };
  for (const entry of listAt(ctx.values, 'imagePullSecrets')) {
    if (typeof entry === 'string') add(entry);
    else if (isMap(entry) && truthy(entry.name ?? null))
      add(goString(entry.name));
  }
  for (const entry of listAt(ctx.values, 'imageCredentials'))
    if (isMap(entry) && truthy(entry.name)) add(goString(entry.name));
  return names.map(name => ({ name }));
}

/**
 * A `kubernetes.io/dockerconfigjson` Secret for each `imageCredentials` entry with `create`:
 * its `auth` when given, else username/password (and their base64 as `auth`).
 */
export function imagePullSecrets(ctx: ChartContext): V1Secret[] {
  return listAt(ctx.values, 'imageCredentials').flatMap(entry => {
    if (!isMap(entry) || !truthy(entry.create)) return [];
    // printf "%s" of a missing key prints Go's %!s(<nil>).
    const text = (key: string) =>
      entry[key] === null || entry[key] === undefined
        ? '%!s(<nil>)'
        : goString(entry[key]);
    const registry = text('registry');
    const auth = truthy(entry.auth)
      ? `{"auths":{"${registry}":{"auth":"${text('auth')}"}}}`
      : `{"auths":{"${registry}":{"username":"${text(
          'username',
        )}","password":"${text('password')}","email":"${text(
          'email',
        )}","auth":"${base64(`${text('username')}:${text('password')}`)}"}}}`;
    return [
      {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name: text('name') },
        type: 'kubernetes.io/dockerconfigjson',
        data: { '.dockerconfigjson': base64(auth) },
      },
    ];
  });
}
