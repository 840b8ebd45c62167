import { GatewaySettings } from '../settings/readGatewaySettings';

/**
 * A Secret the gateway's env refers to, and which of the referenced keys it holds. Values
 * are never part of it.
 *
 * @public
 */
export type GatewaySecretCheck = {
  secretName: string;
  /** null: the portal may not read the Secret, so whether it exists could not be checked. */
  exists: boolean | null;
  /** The keys the gateway's env reads from it. */
  keys: string[];
  /** Referenced keys the Secret does not hold (empty when it could not be checked). */
  missingKeys: string[];
};

/** An `envFrom` source of the gateway container: its keys cannot be itemised. @public */
export type GatewayEnvFromSource = {
  kind: 'secret' | 'configMap';
  name: string;
  prefix?: string;
  optional?: boolean;
};

/**
 * The answer of `GET /clusters/:cluster/namespaces/:namespace/gateways/:release/settings`:
 * a running gateway's settings in the gateway model's terms, with Secret references instead
 * of credentials, and the problems found on the way in plain language.
 *
 * @public
 */
export type GatewaySettingsResponse = {
  release: string;
  /** Name of the gateway Deployment the settings were read from. */
  deployment: string;
  cluster: string;
  namespace: string;
  settings: GatewaySettings;
  secrets: GatewaySecretCheck[];
  envFrom: GatewayEnvFromSource[];
  problems: string[];
};
