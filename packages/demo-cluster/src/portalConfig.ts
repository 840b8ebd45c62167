import fs from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { DEMO_GATEWAYS, DemoGatewaySpec } from './demoGateway';
import type { GatewayCluster } from './gatewayCluster';
import {
  GATEWAY_TEMPLATE,
  GitServerTarget,
  writeTemplateForGitServer,
} from './templateForGitServer';

/** A GitHub-compatible git server the portal opens its pull requests on. */
export type PortalGitServer = GitServerTarget & {
  apiBaseUrl: string;
  /** Its token: throwaway, like the apiserver's, and only in the git-ignored config. */
  token: string;
};

// This package runs from the repository's source (never built), so __dirname is stable.
// eslint-disable-next-line no-restricted-syntax
const REPO_ROOT = path.resolve(__dirname, '../../..');
/** app-config.yaml's file locations are relative to the backend's working directory. */
const BACKEND_DIR = path.join(REPO_ROOT, 'packages/backend');

/** A demo gateway's catalog entity, as the render action's catalog-info.yaml describes one. */
export function demoGatewayEntity(
  gateway: DemoGatewaySpec,
  clusterName: string,
) {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: gateway.entityName,
      title: `Portkey gateway ${gateway.release} (${gateway.namespace})`,
      description:
        'Demo: a Portkey gateway on the local kube-apiserver that ./scripts/start.sh started; ' +
        'its pods are simulated (no container runs, a stub kubelet serves made-up logs). ' +
        `It is ${gateway.about}`,
      tags: ['demo', 'portkey-gateway'],
      annotations: {
        'portkey.ai/gateway-release': gateway.release,
        'portkey.ai/gateway-namespace': gateway.namespace,
        'portkey.ai/gateway-cluster': clusterName,
      },
    },
    spec: {
      type: 'service',
      lifecycle: 'experimental',
      owner: gateway.owner,
    },
  };
}

/** Where the portal's own catalog locations come from, and what their file targets are relative to. */
export type CatalogLocationsSource = {
  /** A config file with `catalog.locations`. */
  configFile: string;
  /** The backend's working directory, which relative file targets are resolved against. */
  workingDir: string;
};

/** app-config.yaml's, for a backend run in packages/backend as `yarn start` runs it. */
const APP_CONFIG_LOCATIONS: CatalogLocationsSource = {
  configFile: path.join(REPO_ROOT, 'app-config.yaml'),
  workingDir: BACKEND_DIR,
};

/**
 * The GitHub integrations of a config file, as written (`${GITHUB_TOKEN}` stays a reference
 * that the backend substitutes when it loads the config).
 */
function githubIntegrations({
  configFile,
}: CatalogLocationsSource): Array<Record<string, unknown>> {
  return parse(fs.readFileSync(configFile, 'utf8')).integrations?.github ?? [];
}

/** The catalog locations of a config file, with their file targets made absolute. */
function catalogLocations({
  configFile,
  workingDir,
}: CatalogLocationsSource): Array<Record<string, unknown>> {
  const config = parse(fs.readFileSync(configFile, 'utf8'));
  return (config.catalog?.locations ?? []).map(
    (location: Record<string, unknown>) =>
      location.type === 'file'
        ? {
            ...location,
            target: path.resolve(workingDir, String(location.target)),
          }
        : location,
  );
}

/** What the portal is pointed at: a demo cluster, a git server, or both. */
export type PortalConfigParts = {
  /** The demo cluster, by its name in the portal: its demo gateways' entities come with it. */
  cluster?: {
    name: string;
    connection: Pick<GatewayCluster, 'url' | 'token' | 'caData'>;
  };
  /** More clusters (the e2e suite's unreachable one) and entities. */
  clusters?: Array<Record<string, unknown>>;
  entities?: Array<Record<string, unknown>>;
  /** Whose catalog locations to carry over; default app-config.yaml's. */
  locationsFrom?: CatalogLocationsSource;
  /**
   * A git server: its GitHub integration, and the template with its Repository picker limited
   * to that server (replacing the template's own location).
   */
  gitServer?: PortalGitServer;
};

/**
 * Writes the config file that points the portal at a demo cluster (under
 * `portkeyGateway.clusters`, with the demo gateways' entities in the catalog) and at a git
 * server. A second config file replaces arrays of the first, so app-config.yaml's locations
 * are carried over (or those of `locationsFrom`, such as app-config.production.yaml's for a
 * backend run from the repository root). The file holds the throwaway apiserver's admin
 * token and the git server's token: it belongs in a git-ignored dir. Returns its path.
 */
export function writePortalConfig(
  dir: string,
  parts: PortalConfigParts,
): string {
  const { cluster, gitServer } = parts;
  fs.mkdirSync(dir, { recursive: true });
  const entityFile = path.join(dir, 'demo-gateway-entities.yaml');
  const entities = [
    ...(cluster
      ? DEMO_GATEWAYS.map(g => demoGatewayEntity(g, cluster.name))
      : []),
    ...(parts.entities ?? []),
  ];
  fs.writeFileSync(entityFile, entities.map(e => stringify(e)).join('---\n'));
  const configFile = path.join(dir, 'app-config.demo.yaml');
  fs.writeFileSync(
    configFile,
    stringify({
      catalog: {
        locations: [
          ...catalogLocations(parts.locationsFrom ?? APP_CONFIG_LOCATIONS).map(
            location =>
              gitServer && location.target === GATEWAY_TEMPLATE
                ? {
                    ...location,
                    target: writeTemplateForGitServer(dir, gitServer),
                  }
                : location,
          ),
          { type: 'file', target: entityFile },
        ],
      },
      ...(gitServer
        ? {
            integrations: {
              // The git server first, then the config's own (github.com): a second config
              // file replaces the list, and a dry run of a github.com answer still works.
              github: [
                {
                  host: gitServer.host,
                  apiBaseUrl: gitServer.apiBaseUrl,
                  token: gitServer.token,
                },
                ...githubIntegrations(
                  parts.locationsFrom ?? APP_CONFIG_LOCATIONS,
                ),
              ],
            },
          }
        : {}),
      ...(cluster || parts.clusters
        ? {
            portkeyGateway: {
              clusters: [
                ...(cluster
                  ? [
                      {
                        name: cluster.name,
                        url: cluster.connection.url,
                        serviceAccountToken: cluster.connection.token,
                        caData: cluster.connection.caData,
                      },
                    ]
                  : []),
                ...(parts.clusters ?? []),
              ],
            },
          }
        : {}),
    }),
    { mode: 0o600 },
  );
  return configFile;
}
