import {
  CHART_DEFAULT_ENV_VALUES,
  CHART_DOCUMENTED_ENV_KEYS,
  CHART_FREE_FORM_PATHS,
  CHART_KEY_PATHS,
  PORTKEY_CHART,
} from '../chart/chartFacts';
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
const SERVER_MODES = ['', 'all', 'mcp'];
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

  checkKeyPaths(values, error, warning);
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

function checkKeyPaths(values: Values, _error: Report, warning: Report) {
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
    if (!CHART_DOCUMENTED_ENV_KEYS.includes(key)) {
      warning(
        path,
        'is not an environment key the chart documents; check the spelling',
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

  if (
    'SERVER_MODE' in data &&
    data.SERVER_MODE !== null &&
    !SERVER_MODES.includes(String(data.SERVER_MODE))
  ) {
    error(
      'environment.data.SERVER_MODE',
      `is "${data.SERVER_MODE}"; only "" (gateway), "all" or "mcp" run a server. Any other value renders a Service with no ports`,
    );
  }
  if (existingSecretExplicit) {
    // In explicit existing-Secret mode the chart turns a key left at its null default into "<nil>".
    const nil = Object.keys(data).filter(
      key => data[key] === null && !secretKeys.has(key),
    );
    if (nil.includes('SERVER_MODE')) {
      error(
        'environment.data.SERVER_MODE',
        'is left at its null default, which becomes "<nil>" with environment.existingSecret: no server runs and the Service has no ports. Set it to "", "all" or "mcp"',
      );
    }
    const others = nil.filter(key => key !== 'SERVER_MODE');
    if (others.length > 0) {
      error(
        'environment.data',
        `leaves ${others.join(
          ', ',
        )} at their null defaults, which become the literal "<nil>" with environment.existingSecret; set each to a value or to null in this file`,
      );
    }
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
    ['ANALYTICS_STORE', 'clickhouse'],
    ['CACHE_STORE', 'redis'],
  ];
  for (const [key, defaultValue] of leftover) {
    if (!(key in userData) && data[key] === defaultValue) {
      warning(
        `environment.data.${key}`,
        `is not set, so the chart default "${defaultValue}" applies; set it explicitly`,
      );
    }
  }
  if (
    data.CACHE_STORE === 'redis' &&
    data.REDIS_URL &&
    !String(data.REDIS_URL).startsWith(
      `redis://${PORTKEY_CHART.inClusterRedisName}:`,
    )
  ) {
    warning(
      'environment.data.REDIS_URL',
      'points away from the in-cluster Redis although CACHE_STORE is "redis", which still deploys it; use CACHE_STORE "custom" for your own Redis',
    );
  }
  const hooksKeys = [
    'MONGO_GENERATIONS_HOOKS_COLLECTION_NAME',
    'MONGO_GENERATION_HOOKS_COLLECTION_NAME',
  ];
  const setHooks = hooksKeys.filter(k => data[k]);
  if (data.LOG_STORE === 'mongo' && setHooks.length === 1) {
    warning(
      `environment.data.${setHooks[0]}`,
      `is spelled one way only; the gateway's default values and the data service read different spellings, set both ${hooksKeys.join(
        ' and ',
      )}`,
    );
  }
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
