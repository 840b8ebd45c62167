import {
  CHART_DEFAULT_ENV_KEYS,
  CHART_DOCUMENTED_ENV_KEYS,
} from './chartFacts';
import { ENV_KEY, GATEWAY_ENV_KEYS, isGatewayEnvKey } from './envKeys';
import { isCredentialValue, SECRET_ENV_KEYS } from './secretKeys';

describe('GATEWAY_ENV_KEYS', () => {
  it("has every key of the chart's values.yaml and every key its docs name", () => {
    const table = Object.keys(GATEWAY_ENV_KEYS);
    expect(CHART_DEFAULT_ENV_KEYS.filter(k => !isGatewayEnvKey(k))).toEqual([]);
    // API_KEY is only the tail of a header name in an example ("DD-API_KEY=...").
    expect(CHART_DOCUMENTED_ENV_KEYS.filter(k => !isGatewayEnvKey(k))).toEqual([
      'API_KEY',
    ]);
    expect(table.filter(k => !CHART_DOCUMENTED_ENV_KEYS.includes(k))).toEqual(
      [],
    );
  });

  it('names each key by itself', () => {
    expect(ENV_KEY.LOG_STORE).toBe('LOG_STORE');
    for (const [key, name] of Object.entries(ENV_KEY)) expect(name).toBe(key);
  });

  it('derives the secret catalogue: the credentials of the chart, with their descriptions', () => {
    expect(Object.keys(SECRET_ENV_KEYS)).toEqual(
      expect.arrayContaining([
        'PORTKEY_CLIENT_AUTH',
        'ANALYTICS_STORE_PASSWORD',
        'OTEL_EXPORTER_OTLP_HEADERS',
        'LOG_STORE_ACCESS_KEY',
        'LOG_STORE_SECRET_KEY',
        'AZURE_STORAGE_KEY',
        'AZURE_ENTRA_CLIENT_SECRET',
        'MONGO_DB_CONNECTION_URL',
        'REDIS_URL',
        'AWS_ASSUME_ROLE_ACCESS_KEY_ID',
        'AWS_ASSUME_ROLE_SECRET_ACCESS_KEY',
        'REDIS_PASSWORD',
      ]),
    );
    expect(SECRET_ENV_KEYS.PORTKEY_CLIENT_AUTH).toBe(
      'Client auth key for the Portkey control plane (shared by Portkey)',
    );
    expect(Object.keys(SECRET_ENV_KEYS)).not.toContain('LOG_STORE_REGION');
    // REDIS_URL is a credential only when it carries a password.
    expect(isCredentialValue('REDIS_URL', 'redis://cache:6379')).toBe(false);
    expect(isCredentialValue('REDIS_URL', 'redis://:pw@cache:6379')).toBe(true);
    expect(isCredentialValue('REDIS_PASSWORD', 'x')).toBe(true);
  });

  it('marks the keys the data service reads from environment.data (REFERENCE.md §5)', () => {
    const read = Object.entries(GATEWAY_ENV_KEYS)
      .filter(([, fact]) => 'readByDataService' in fact)
      .map(([key]) => key);
    expect(read).toEqual(
      expect.arrayContaining([
        'MONGO_DATABASE',
        'MONGO_GENERATION_HOOKS_COLLECTION_NAME',
        'FINETUNES_BUCKET',
        'PORTKEY_CLIENT_AUTH',
        'REDIS_URL',
      ]),
    );
    expect(read).not.toContain('MONGO_GENERATIONS_HOOKS_COLLECTION_NAME');
    expect(read).not.toContain('SERVER_MODE');
  });
});
