import { UrlReaders } from '@backstage/backend-defaults/urlReader';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { UrlReaderProcessor } from '@backstage/plugin-catalog-backend';
import {
  parseEntityYaml,
  type CatalogProcessorCache,
  type CatalogProcessorParser,
  type CatalogProcessorResult,
} from '@backstage/plugin-catalog-node';
import { pullRequestClient } from './__testUtils__/pullRequests';
import {
  api,
  OWNER,
  REPO,
  TOKEN,
  useStandIn,
} from './__testUtils__/standInFixture';

const CATALOG_INFO = 'gateways/ns/rel/catalog-info.yaml';
const ENTITY = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: rel-gateway
spec:
  type: service
  lifecycle: production
  owner: group:default/guests
`;

/** The catalog's default parser: each YAML document an entity. */
const parser: CatalogProcessorParser = async function* parse({
  data,
  location,
}) {
  yield* parseEntityYaml(data, location);
};

// Loading the catalog backend's modules takes a few seconds on a loaded machine.
jest.setTimeout(60_000);

/** The error a reader call rejects with, or a failure when it resolves. */
async function rejection(promise: Promise<unknown>): Promise<Error> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: Error) => error,
  );
}

describe("Backstage's GithubUrlReader and the catalog's UrlReaderProcessor against the stand-in", () => {
  const standIn = useStandIn({ files: { [CATALOG_INFO]: ENTITY } });
  let reader: ReturnType<typeof UrlReaders.default>;
  const blobUrl = (path: string, ref = 'main') =>
    `${standIn.server.url}/${OWNER}/${REPO}/blob/${ref}/${path}`;

  beforeAll(() => {
    // The public way a backend gets its readers: UrlReaders.default over the app config.
    reader = UrlReaders.default({
      logger: mockServices.logger.mock(),
      config: new ConfigReader({
        integrations: {
          github: [
            {
              host: standIn.server.host,
              apiBaseUrl: standIn.server.apiBaseUrl,
              token: TOKEN,
            },
          ],
        },
      }),
    });
  });

  it('reads a blob/main URL as the file’s text, with the blob SHA as its ETag', async () => {
    standIn.exchanges.length = 0;
    const response = await reader.readUrl(blobUrl(CATALOG_INFO));
    expect((await response.buffer()).toString('utf8')).toBe(ENTITY);
    const json = await api(
      standIn.server.apiBaseUrl,
      `/repos/${OWNER}/${REPO}/contents/${CATALOG_INFO}?ref=main`,
    );
    expect(response.etag).toBe(`"${json.body.sha}"`);
    // One request: the contents API with the raw media type and the token.
    expect(
      standIn.exchanges
        .filter(e => e.path.endsWith(CATALOG_INFO))
        .map(e => [e.method, e.path, e.query, e.requestAccept, e.status]),
    ).toEqual([
      [
        'GET',
        `/repos/${OWNER}/${REPO}/contents/${CATALOG_INFO}`,
        { ref: 'main' },
        'application/vnd.github.v3.raw',
        200,
      ],
      // The test's own JSON read.
      [
        'GET',
        `/repos/${OWNER}/${REPO}/contents/${CATALOG_INFO}`,
        { ref: 'main' },
        'application/vnd.github+json',
        200,
      ],
    ]);
  });

  it('answers NotModified for the same ETag, and the new text and ETag once the file changed', async () => {
    const first = await reader.readUrl(blobUrl(CATALOG_INFO));
    const error = await rejection(
      reader.readUrl(blobUrl(CATALOG_INFO), { etag: first.etag }),
    );
    expect(error.name).toBe('NotModifiedError');

    const changed = ENTITY.replace('lifecycle: production', 'lifecycle: beta');
    await pullRequestClient(() => standIn.server.apiBaseUrl, OWNER, REPO).push(
      'main',
      { [CATALOG_INFO]: changed },
    );
    const second = await reader.readUrl(blobUrl(CATALOG_INFO), {
      etag: first.etag,
    });
    expect((await second.buffer()).toString('utf8')).toBe(changed);
    expect(second.etag).not.toBe(first.etag);
  });

  it('answers NotFoundError for a missing file, a missing branch and a missing repository', async () => {
    for (const url of [
      blobUrl('gateways/ns/none/catalog-info.yaml'),
      blobUrl(CATALOG_INFO, 'no-such-branch'),
      `${standIn.server.url}/${OWNER}/missing/blob/main/catalog-info.yaml`,
    ])
      expect((await rejection(reader.readUrl(url))).name).toBe('NotFoundError');
  });

  it('serves search() for a single file (what UrlReaderProcessor calls) the same way', async () => {
    const found = await reader.search(blobUrl(CATALOG_INFO));
    expect(found.files.map(f => f.url)).toEqual([blobUrl(CATALOG_INFO)]);
    expect((await found.files[0].content()).toString('utf8')).toContain(
      'name: rel-gateway',
    );
    expect(found.etag).toMatch(/^"[0-9a-f]{40}"$/);
    expect(
      (await rejection(reader.search(blobUrl(CATALOG_INFO), found))).name,
    ).toBe('NotModifiedError');
    expect(
      (await reader.search(blobUrl('gateways/ns/none/catalog-info.yaml')))
        .files,
    ).toEqual([]);
  });

  it('lets the catalog read the location: the entity, then the cached entity on NotModified', async () => {
    const processor = new UrlReaderProcessor({
      reader,
      logger: mockServices.logger.mock(),
    });
    // The catalog keeps one cache per location; a Map stands in for its database.
    const store = new Map<string, unknown>();
    const cache: CatalogProcessorCache = {
      get: async <T>(key: string) => store.get(key) as T | undefined,
      set: async (key, value) => {
        store.set(key, value);
      },
    };
    const location = { type: 'url', target: blobUrl(CATALOG_INFO) };
    const read = async () => {
      const results: CatalogProcessorResult[] = [];
      await processor.readLocation(
        location,
        false,
        result => results.push(result),
        parser,
        cache,
      );
      return results;
    };

    const first = await read();
    expect(first.map(r => r.type)).toEqual(['entity', 'refresh']);
    expect(first[0]).toMatchObject({
      entity: { kind: 'Component', metadata: { name: 'rel-gateway' } },
      location,
    });
    standIn.exchanges.length = 0;
    const second = await read();
    expect(second).toEqual(first);
    // The second read was a conditional request answered 304, not a second download.
    expect(
      standIn.exchanges
        .filter(e => e.path.endsWith(CATALOG_INFO))
        .map(e => e.status),
    ).toEqual([304]);

    const missing = { type: 'url', target: blobUrl('gateways/ns/x/c.yaml') };
    const errors: CatalogProcessorResult[] = [];
    await processor.readLocation(
      missing,
      false,
      result => errors.push(result),
      parser,
      cache,
    );
    // search() turns the 404 into no files; the processor reports that as not found.
    expect(errors.map(r => r.type)).toEqual(['error', 'refresh']);
    expect(errors[0]).toMatchObject({
      error: { name: 'NotFoundError' },
    });
  });
});
