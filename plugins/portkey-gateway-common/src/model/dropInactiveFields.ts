// The form hides the fields of options that are not chosen, but keeps what was typed in
// them (Backstage does not omit extra form data). Those leftovers must neither block the
// user with an error about a field they cannot see nor reach any output, so they are
// dropped before validation: only the fields of the chosen options are read.

type Answers = Record<string, unknown>;
const isMap = (v: unknown): v is Answers =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Keeps only `keep` of a section when `when` holds for it. */
function only(section: unknown, keep: string[]): unknown {
  if (!isMap(section)) return section;
  return Object.fromEntries(
    Object.entries(section).filter(([k]) => keep.includes(k)),
  );
}

function without(section: unknown, drop: string[]): unknown {
  if (!isMap(section)) return section;
  return Object.fromEntries(
    Object.entries(section).filter(([k]) => !drop.includes(k)),
  );
}

function pruneGateway(gateway: unknown): unknown {
  if (!isMap(gateway)) return gateway;
  const result: Answers = { ...gateway };
  if (isMap(result.ingress) && result.ingress.enabled !== true)
    result.ingress = only(result.ingress, ['enabled']);
  if (isMap(result.autoscaling) && result.autoscaling.enabled !== true)
    result.autoscaling = only(result.autoscaling, ['enabled']);
  return result;
}

function pruneLogStore(logStore: unknown): unknown {
  if (!isMap(logStore)) return logStore;
  if (logStore.store === 's3_assume') {
    if (logStore.auth === 'irsa')
      return without(logStore, ['roleArn', 'externalId', 'imdsV1']);
    if (logStore.auth === 'imds')
      return without(logStore, ['roleArn', 'externalId']);
    if (logStore.auth === 'access_keys') return without(logStore, ['imdsV1']);
  }
  if (logStore.store === 'azure') {
    if (logStore.auth === 'storage_key')
      return without(logStore, [
        'managedClientId',
        'entraClientId',
        'entraTenantId',
      ]);
    if (logStore.auth === 'managed_identity')
      return without(logStore, ['entraClientId', 'entraTenantId']);
    if (logStore.auth === 'entra')
      return without(logStore, ['managedClientId']);
  }
  if (
    logStore.store === 'mongo' &&
    isMap(logStore.pem) &&
    (logStore.pem.source ?? 'none') === 'none'
  ) {
    return { ...logStore, pem: only(logStore.pem, ['source']) };
  }
  return logStore;
}

function pruneCache(cache: unknown): unknown {
  if (!isMap(cache)) return cache;
  if (cache.store === 'redis') return only(cache, ['store']);
  if (cache.urlSource === 'secret') return without(cache, ['url']);
  return cache;
}

/**
 * Returns the answers with the fields of unchosen options removed.
 *
 * @public
 */
export function dropInactiveFields(answers: unknown): unknown {
  if (!isMap(answers)) return answers;
  const a: Answers = { ...answers };
  if ('gateway' in a) a.gateway = pruneGateway(a.gateway);
  if ('logStore' in a) a.logStore = pruneLogStore(a.logStore);
  if ('cache' in a) a.cache = pruneCache(a.cache);
  if (isMap(a.otel) && a.otel.enabled !== true)
    a.otel = only(a.otel, ['enabled']);
  if (isMap(a.bedrock) && (a.bedrock.access ?? 'none') === 'none')
    a.bedrock = only(a.bedrock, ['access']);
  if (isMap(a.dataService) && a.dataService.enabled !== true)
    a.dataService = only(a.dataService, ['enabled']);
  if (isMap(a.server) && (a.server.mode ?? 'gateway') === 'gateway')
    a.server = only(a.server, ['mode']);
  if (isMap(a.serviceAccount) && a.serviceAccount.mode === 'existing')
    a.serviceAccount = without(a.serviceAccount, ['roleArn']);
  return a;
}
