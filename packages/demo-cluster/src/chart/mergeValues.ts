import { deepCopy, HelmMap, HelmValue, isMap } from './helmValues';

/**
 * User values over the chart's defaults, as Helm coalesces them: tables merge key by key,
 * lists and scalars replace, and a user `null` deletes the key, default included. A `null`
 * under a key the defaults do not have stays (the templates then see nil), and a default
 * `null` is kept as nil, as Helm does.
 */
export function mergeValues(defaults: HelmMap, user: HelmMap): HelmMap {
  return coalesceTables(deepCopy(user), defaults);
}

function coalesceTables(dst: HelmMap, src: HelmMap): HelmMap {
  for (const [key, defaultValue] of Object.entries(src)) {
    if (!(key in dst)) {
      dst[key] = deepCopy(defaultValue);
      continue;
    }
    const userValue: HelmValue = dst[key];
    if (userValue === null) delete dst[key];
    else if (isMap(userValue) && isMap(defaultValue))
      coalesceTables(userValue, defaultValue);
    // Otherwise the user's value stands (Helm warns when a table meets a scalar).
  }
  return dst;
}
