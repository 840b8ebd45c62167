import {
  describeAnalyticsStore,
  describeCacheStore,
  describeOtel,
} from './describeStores';
import {
  describeBedrock,
  describeDataService,
  describeServerMode,
} from './describeServices';
import {
  baseSettings,
  everythingElse,
  invalidServerMode,
  mcpOnly,
  s3AssumeIrsa,
} from './__fixtures__/settingsResponses';

const rich = everythingElse.settings;

describe('store and service descriptions', () => {
  it('names the analytics store, with ClickHouse settings', () => {
    expect(describeAnalyticsStore(baseSettings()).summary).toBe(
      'Portkey control plane',
    );
    const clickhouse = describeAnalyticsStore(rich);
    expect(clickhouse.summary).toBe('ClickHouse (your own)');
    expect(clickhouse.fields).toContainEqual({
      label: 'Endpoint',
      value: 'https://clickhouse.internal:8443',
    });
  });

  it('says whether OTEL export is on, where to and how', () => {
    expect(describeOtel(baseSettings()).summary).toBe('off');
    const on = describeOtel(rich);
    expect(on.summary).toBe('on, to http://otel-collector:4318');
    expect(on.fields).toContainEqual({
      label: 'Protocol',
      value: 'http/protobuf',
    });
  });

  it('tells the in-cluster Redis from a custom one whose URL is in a Secret', () => {
    const inCluster = describeCacheStore(baseSettings());
    expect(inCluster.summary).toMatch(/^Redis in the cluster/);
    expect(inCluster.fields).toContainEqual({
      label: 'Redis URL',
      value: 'redis://redis:6379',
    });
    const custom = describeCacheStore(rich);
    expect(custom.summary).toBe('Your own Redis');
    expect(custom.fields).toEqual([
      { label: 'Redis URL', value: 'from a Secret (below)' },
      { label: 'TLS', value: 'on' },
      { label: 'Cluster mode', value: 'on' },
    ]);
  });

  it('names Bedrock access by keys or by the pod role', () => {
    expect(describeBedrock(rich).summary).toMatch(/^access keys/);
    expect(describeBedrock(s3AssumeIrsa.settings).summary).toBe(
      "the pod's IAM role (IRSA via service account portkey-gw), if Bedrock is used",
    );
  });

  it('says whether the data service runs, with its buckets', () => {
    expect(describeDataService(baseSettings()).summary).toMatch(/^off/);
    expect(describeDataService(rich).fields).toContainEqual({
      label: 'Fine-tuning bucket',
      value: 'portkey-finetunes',
    });
  });

  it('names the server mode, the MCP port, and warns on a value that serves nothing', () => {
    expect(describeServerMode(baseSettings()).summary).toBe('AI gateway only');
    expect(describeServerMode(rich).summary).toBe('AI gateway and MCP server');
    const mcp = describeServerMode(mcpOnly.settings);
    expect(mcp.summary).toBe('MCP server only');
    expect(mcp.fields).toContainEqual({ label: 'MCP port', value: '8788' });
    const invalid = describeServerMode(invalidServerMode.settings);
    expect(invalid.summary).toBe('SERVER_MODE "gateway" is not a server mode');
    expect(invalid.warning).toMatch(/Service without ports/);
  });
});
