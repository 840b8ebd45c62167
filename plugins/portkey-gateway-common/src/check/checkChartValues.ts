import {
  CHART_DEFAULT_ENV_VALUES,
  CHART_FREE_FORM_PATHS,
  CHART_KEY_PATHS,
  PORTKEY_CHART,
  serverModeOf,
} from '../chart/chartFacts';
import {
  ENV_KEY,
  GATEWAY_ENV_KEYS,
  isGatewayEnvKey,
  MONGO_HOOKS_COLLECTION_KEYS,
} from '../chart/envKeys';
import { isCredentialValue, isSecretEnvKey } from '../chart/secretKeys';
import { findCredential } from '../model/plainText';

/**
 * One finding about a values file: where, how bad, and what to do.
 *
 * @public
 */
export type ValuesFinding = {
  path: string;
  severity: 'error' | 'warning';
  message: string;
};

type Values = Record<string, any>;

const isMap = (v: unknown): v is Values =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const looksLikePlaceholder = (text: string) => /^<[^<>]*>$/.test(text.trim());

/**
 * Reviews a values file for the Portkey gateway chart (hand-written or generated) for the
 * chart's traps and for secrets written inline. Errors are things that fail to render, break
 * the gateway, or put a credential in git; warnings are things a reviewer should look at.
 *
 * @public
 */
export function checkChartValues(values: unknown): ValuesFinding[] {
  if (!isMap(values)) {
    return [
      {
        path: '(file)',
        severity: 'error',
        message: 'must be a YAML map of chart values',
      },
    ];
  }
  const findings: ValuesFinding[] = [];
  const error = (path: string, message: string) =>
    findings.push({ path, severity: 'error', message });
  const warning = (path: string, message: string) =>
    findings.push({ path, severity: 'warning', message });

  checkKeyPaths(values, warning);
  checkServiceAccounts(values, error);
  checkRegistry(values, error);
  checkEnvironment(values, error, warning);
  if (
    isMap(values.minio?.authKey) &&
    (values.minio.authKey.accessKey || values.minio.authKey.secretKey)
  ) {
    error(
      'minio.authKey',
      'holds MinIO credentials inline; use minio.authKey.existingSecret instead',
    );
  }
  return findings;
}

type Report = (path: string, message: string) => void;

function checkKeyPaths(values: Values, warning: Report) {
  const known = new Set(CHART_KEY_PATHS);
  const freeForm = CHART_FREE_FORM_PATHS;
  const walk = (node: unknown, path: string) => {
    if (
      path === 'environment.data' ||
      freeForm.some(f => path === f || path.startsWith(`${f}.`))
    )
      return;
    if (isMap(node) && !known.has(path)) {
      for (const [key, child] of Object.entries(node))
        walk(child, path ? `${path}.${key}` : key);
      return;
    }
    if (path && !known.has(path)) {
      warning(
        path,
        "is not a key of the chart's values (it is ignored); check the spelling against the chart's values.yaml",
      );
    }
  };
  walk(values, '');
}

function checkServiceAccounts(values: Values, error: Report) {
  const gatewaySa = values.serviceAccount ?? {};
  if (gatewaySa.create !== true && !gatewaySa.name) {
    error(
      'serviceAccount.name',
      'must be set when serviceAccount.create is false (the chart default since 1.7.7): rendering fails otherwise',
    );
  }
  const ds = values.dataservice ?? {};
  if (
    ds.enabled === true &&
    ds.serviceAccount?.create !== true &&
    !ds.serviceAccount?.name
  ) {
    error(
      'dataservice.serviceAccount.name',
      'must be set when the data service is enabled and its service account is not created: rendering fails otherwise',
    );
  }
}

function checkRegistry(values: Values, error: Report) {
  // Without an override, the chart's default entry creates a registry Secret from a placeholder password.
  const credentials: unknown[] = Array.isArray(values.imageCredentials)
    ? values.imageCredentials
    : [{ create: true, password: '<docker-pwd>' }];
  credentials.forEach((entry, i) => {
    if (
      isMap(entry) &&
      entry.create !== false &&
      (entry.password || entry.auth)
    ) {
      error(
        `imageCredentials[${i}]`,
        values.imageCredentials === undefined
          ? 'is the chart default, which creates a registry Secret from a username and password in values; set imageCredentials: [] and reference an existing pull secret in imagePullSecrets'
          : 'puts a registry password in values; create the pull secret outside git and list it in imagePullSecrets',
      );
    }
  });
}

function checkEnvironment(values: Values, error: Report, warning: Report) {
  const environment = isMap(values.environment) ? values.environment : {};
  const userData: Values = isMap(environment.data) ? environment.data : {};
  const createsSecret = environment.create !== false;
  const existingSecretExplicit =
    !createsSecret &&
    Boolean(environment.existingSecret) &&
    Array.isArray(environment.secretKeys) &&
    environment.secretKeys.length > 0;
  const secretKeys = new Set<string>(
    Array.isArray(environment.secretKeys) ? environment.secretKeys : [],
  );
  const usesVault = values.useVaultInjection === true;

  // What the pod really gets: the chart's defaults merged with the file (null removes a key).
  const data: Values = { ...CHART_DEFAULT_ENV_VALUES };
  for (const [key, value] of Object.entries(userData)) {
    if (value === null) delete data[key];
    else data[key] = value;
  }

  for (const [key, value] of Object.entries(userData)) {
    const path = `environment.data.${key}`;
    if (value === null) continue;
    if (!isGatewayEnvKey(key)) {
      warning(
        path,
        'is not an environment key the chart or the gateway knows; check the spelling',
      );
    }
    if (
      typeof value === 'number' &&
      (Math.abs(value) >= 1e6 || !Number.isInteger(value))
    ) {
      error(
        path,
        `is the number ${value}; the chart turns it into "${formatLikeHelm(
          value,
        )}". Quote it as a string`,
      );
    } else if (
      typeof value !== 'string' &&
      typeof value !== 'boolean' &&
      typeof value !== 'number'
    ) {
      error(path, 'must be a string');
    }
    const text = String(value);
    const readFromSecret = secretKeys.has(key) && !createsSecret;
    const isCredential = isCredentialValue(key, text);
    if (
      isCredential &&
      text !== '' &&
      !readFromSecret &&
      !usesVault &&
      !looksLikePlaceholder(text)
    ) {
      error(
        path,
        `holds a credential inline; list ${key} in environment.secretKeys and keep its value in the Secret named by environment.existingSecret`,
      );
    } else if (!isCredential && !readFromSecret) {
      const credential = findCredential(text);
      if (credential)
        error(
          path,
          `looks like it contains ${credential}; move the value into the gateway's Secret`,
        );
    }
  }

  const serverMode = data[ENV_KEY.SERVER_MODE];
  if (
    serverMode !== undefined &&
    serverMode !== null &&
    serverModeOf(String(serverMode)) === undefined
  ) {
    error(
      'environment.data.SERVER_MODE',
      `is "${serverMode}"; only "" (gateway), "all" or "mcp" run a server. Any other value renders a Service with no ports`,
    );
  }
  if (existingSecretExplicit) {
    const nullDefaults = Object.keys(data).filter(
      key => data[key] === null && !secretKeys.has(key),
    );
    checkNullDefaults(nullDefaults, values.dataservice?.enabled === true, {
      error,
      warning,
    });
  }
  if (createsSecret && !usesVault) {
    for (const key of Object.keys(userData)) {
      if (isSecretEnvKey(key) && userData[key]) {
        // Already reported as an inline credential above; say why the mode matters once.
        warning(
          'environment.create',
          'is true, so the chart builds a Secret from environment.data: every credential would be in this file. Use environment.create: false with existingSecret and secretKeys',
        );
        break;
      }
    }
  }

  const leftover: Array<[string, string]> = [
    [ENV_KEY.ANALYTICS_STORE, 'clickhouse'],
    [ENV_KEY.CACHE_STORE, 'redis'],
  ];
  for (const [key, defaultValue] of leftover) {
    if (!(key in userData) && data[key] === defaultValue) {
      warning(
        `environment.data.${key}`,
        `is not set, so the chart default "${defaultValue}" applies; set it explicitly`,
      );
    }
  }
  const redisUrl = data[ENV_KEY.REDIS_URL];
  if (
    data[ENV_KEY.CACHE_STORE] === 'redis' &&
    redisUrl &&
    !String(redisUrl).startsWith(`redis://${PORTKEY_CHART.inClusterRedisName}:`)
  ) {
    warning(
      'environment.data.REDIS_URL',
      'points away from the in-cluster Redis although CACHE_STORE is "redis", which still deploys it; use CACHE_STORE "custom" for your own Redis',
    );
  }
  const setHooks = MONGO_HOOKS_COLLECTION_KEYS.filter(k => data[k]);
  if (data[ENV_KEY.LOG_STORE] === 'mongo' && setHooks.length === 1) {
    warning(
      `environment.data.${setHooks[0]}`,
      `is spelled one way only; the gateway's default values and the data service read different spellings, set both ${MONGO_HOOKS_COLLECTION_KEYS.join(
        ' and ',
      )}`,
    );
  }
}

/**
 * Keys left at the chart's null default in explicit existing-Secret mode. The gateway's own
 * env quotes each value, so it gets an empty value; but the chart's commonEnvMap helper runs
 * the values through toString, which prints null as "<nil>": in the server-mode decision
 * (SERVER_MODE "<nil>" runs no server, and the API server refuses the Service without ports)
 * and in the data service's env.
 */
function checkNullDefaults(
  keys: string[],
  dataServiceEnabled: boolean,
  { error, warning }: { error: Report; warning: Report },
) {
  if (keys.includes(ENV_KEY.SERVER_MODE)) {
    error(
      'environment.data.SERVER_MODE',
      'is left at its null default, which the chart reads as "<nil>" with environment.existingSecret: no server runs and the gateway Service has no ports, which the API server refuses. Set it to "", "all" or "mcp"',
    );
  }
  const others = keys.filter(key => key !== ENV_KEY.SERVER_MODE);
  const readByDataService = (key: string) =>
    dataServiceEnabled &&
    isGatewayEnvKey(key) &&
    'readByDataService' in GATEWAY_ENV_KEYS[key];
  const nilInDataService = others.filter(readByDataService);
  const emptyInGateway = others.filter(key => !readByDataService(key));
  /** One warning for a list of keys, worded for one key or several. */
  const warnLeftAtNull = (
    list: string[],
    consequence: (forEach: string) => string,
  ) => {
    if (list.length === 0) return;
    const one = list.length === 1;
    warning(
      'environment.data',
      `leaves ${list.join(', ')} at ${
        one ? 'its null default' : 'their null defaults'
      }: ${consequence(one ? '' : ' for each')}; set ${
        one ? 'it' : 'each'
      } to a value, or to null in this file to drop ${one ? 'it' : 'them'}`,
    );
  };
  warnLeftAtNull(
    nilInDataService,
    forEach =>
      `with the data service enabled, the data service's env gets the literal "<nil>"${forEach} (the gateway gets an empty value)`,
  );
  warnLeftAtNull(
    emptyInGateway,
    forEach => `the gateway gets an empty value${forEach}`,
  );
}

/** How Go's %v (Helm's toString) prints a large float64. */
function formatLikeHelm(value: number): string {
  const [mantissa, exponent] = value.toExponential().split('e');
  const exp = Number(exponent);
  return `${mantissa}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(
    2,
    '0',
  )}`;
}
