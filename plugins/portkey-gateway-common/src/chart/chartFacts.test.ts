import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import {
  CHART_DEFAULT_ENV_KEYS,
  CHART_DEFAULT_ENV_VALUES,
  gatewayFullname,
  gatewayLabelSelector,
  PORTKEY_CHART,
  SERVER_MODE_VALUES,
  serverModeOf,
} from './chartFacts';

const PACKAGE_DIR = resolve(__dirname, '../..');
// The chart reference material: /work/shared locally; in CI a copy of shared/ sits beside the clone.
const CHART_DIR = resolve(PACKAGE_DIR, '../../../shared/portkey-chart');
const FACTS_FILE = resolve(__dirname, 'chart-1.7.7.facts.json');

/** The node_modules folder that holds `yaml`, for the script run from a temporary copy. */
function nodeModulesOfYaml(): string {
  const entry = require.resolve('yaml');
  const marker = `${sep}node_modules${sep}`;
  return entry.slice(0, entry.lastIndexOf(marker) + marker.length - 1);
}

describe('chart-1.7.7.facts.json', () => {
  const haveChart = existsSync(join(CHART_DIR, 'values.yaml'));
  const title = haveChart
    ? `is what scripts/extract-chart-facts.mjs produces from ${CHART_DIR}`
    : `is what scripts/extract-chart-facts.mjs produces (SKIPPED: no chart reference at ${CHART_DIR}; it is <repo>/../shared/portkey-chart)`;

  (haveChart ? describe : describe.skip)(title, () => {
    it('matches the committed file', () => {
      // The script writes next to itself (../src/chart), so run a copy in a temporary folder.
      const work = mkdtempSync(join(tmpdir(), 'portkey-chart-facts-'));
      try {
        mkdirSync(join(work, 'scripts'));
        mkdirSync(join(work, 'src', 'chart'), { recursive: true });
        copyFileSync(
          join(PACKAGE_DIR, 'scripts', 'extract-chart-facts.mjs'),
          join(work, 'scripts', 'extract-chart-facts.mjs'),
        );
        execFileSync(
          process.execPath,
          [join(work, 'scripts', 'extract-chart-facts.mjs'), CHART_DIR],
          {
            env: { ...process.env, NODE_PATH: nodeModulesOfYaml() },
            stdio: 'pipe',
          },
        );
        const regenerated = readFileSync(
          join(work, 'src', 'chart', 'chart-1.7.7.facts.json'),
          'utf8',
        );
        expect(readFileSync(FACTS_FILE, 'utf8')).toBe(regenerated);
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    });
  });

  it('holds the default env keys of values.yaml, SERVICE_NAME to MCP_GATEWAY_BASE_URL', () => {
    expect(CHART_DEFAULT_ENV_KEYS[0]).toBe('SERVICE_NAME');
    expect(CHART_DEFAULT_ENV_KEYS).toContain('SERVER_MODE');
    expect(CHART_DEFAULT_ENV_KEYS).toContain(
      'MONGO_GENERATIONS_HOOKS_COLLECTION_NAME',
    );
    expect(CHART_DEFAULT_ENV_KEYS).not.toContain(
      'MONGO_GENERATION_HOOKS_COLLECTION_NAME',
    );
    expect(new Set(CHART_DEFAULT_ENV_KEYS).size).toBe(
      CHART_DEFAULT_ENV_KEYS.length,
    );
  });
});

describe('gatewayFullname', () => {
  it('is the release name when it contains "gateway", else <release>-gateway', () => {
    expect(gatewayFullname('portkey-ai')).toBe('portkey-ai-gateway');
    expect(gatewayFullname('portkey-gateway')).toBe('portkey-gateway');
    expect(gatewayFullname('gateway')).toBe('gateway');
    expect(gatewayFullname('ai-gateways-eu')).toBe('ai-gateways-eu');
    expect(gatewayFullname('gate-way')).toBe('gate-way-gateway');
  });

  it('truncates to 63 characters and trims a trailing dash, like the chart helper', () => {
    expect(gatewayFullname('a'.repeat(60))).toBe(`${'a'.repeat(60)}-ga`);
    expect(gatewayFullname('a'.repeat(62))).toBe('a'.repeat(62));
    expect(gatewayFullname(`${'b'.repeat(60)}-gateway`)).toBe(
      `${'b'.repeat(60)}-ga`,
    );
    for (const n of [54, 55, 56, 60, 63, 70])
      expect(gatewayFullname('c'.repeat(n)).length).toBeLessThanOrEqual(63);
  });

  it('never truncates a valid release name (at most 53 characters)', () => {
    expect(gatewayFullname('d'.repeat(53))).toBe(`${'d'.repeat(53)}-gateway`);
  });
});

describe('chart facts', () => {
  it("agree with the chart's values.yaml", () => {
    expect(CHART_DEFAULT_ENV_VALUES.SERVICE_NAME).toBe(
      PORTKEY_CHART.defaultServiceName,
    );
    expect(CHART_DEFAULT_ENV_VALUES.PORT).toBe(
      String(PORTKEY_CHART.defaultGatewayPort),
    );
    expect(CHART_DEFAULT_ENV_VALUES.MCP_PORT).toBe(
      String(PORTKEY_CHART.defaultMcpPort),
    );
    expect(CHART_DEFAULT_ENV_VALUES.REDIS_URL).toBe(
      PORTKEY_CHART.inClusterRedisUrl,
    );
  });

  it('maps server modes to SERVER_MODE and back; "gateway" runs no server', () => {
    expect(SERVER_MODE_VALUES).toEqual({ gateway: '', all: 'all', mcp: 'mcp' });
    expect(serverModeOf('')).toBe('gateway');
    expect(serverModeOf('mcp')).toBe('mcp');
    expect(serverModeOf('gateway')).toBeUndefined();
  });

  it("selects everything the chart runs in a namespace, or one release's", () => {
    expect(gatewayLabelSelector()).toBe(
      'app.kubernetes.io/name in (gateway,redis),app.kubernetes.io/instance',
    );
    expect(
      gatewayLabelSelector({
        release: 'team-a',
        nameLabels: ['gateway', 'pk'],
      }),
    ).toBe(
      'app.kubernetes.io/name in (gateway,pk,redis),app.kubernetes.io/instance=team-a',
    );
  });
});
