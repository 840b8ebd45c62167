import {
  GatewaySettingsResponse,
  readGatewaySettings,
} from '@portkey-gateway-backstage/plugin-portkey-gateway-common';
import { NamespaceExistenceCache } from '../kubernetes/namespaceExistence';
import { NamespaceTarget } from '../kubernetes/target';
import { findGatewayDeployment } from './findGatewayDeployment';
import { readDeployedGateway } from './readDeployedGateway';
import { settingsProblems } from './settingsProblems';

export type GatewaySettingsServiceOptions = {
  /** The `app.kubernetes.io/name` values of gateway objects (see GatewayStatusService). */
  gatewayNameLabels?: readonly string[];
};

/** Reads a gateway's settings as it runs, with Secret references instead of values. */
export class GatewaySettingsService {
  /** Asked only when a release is not found, to say "no such namespace" instead. */
  private readonly namespaces = new NamespaceExistenceCache();

  constructor(private readonly options: GatewaySettingsServiceOptions = {}) {}

  async readSettings(
    target: NamespaceTarget & { release: string },
  ): Promise<GatewaySettingsResponse> {
    const deployment = await findGatewayDeployment(
      target,
      this.namespaces,
      this.options.gatewayNameLabels,
    );
    const reading = await readDeployedGateway(target, deployment);
    const settings = readGatewaySettings(reading.deployed);
    const pem = reading.mongoPem;
    // The key behind the mount: with volume items it is not the subPath the reader shows.
    if (settings.logStore.pem && pem?.key !== undefined)
      settings.logStore.pem = {
        source: pem.kind === 'Secret' ? 'secret' : 'configMap',
        name: pem.name,
        key: pem.key,
      };
    return {
      release: target.release,
      deployment: deployment.metadata?.name ?? '',
      cluster: target.cluster,
      namespace: target.namespace,
      settings,
      secrets: reading.secrets,
      envFrom: reading.envFrom,
      problems: [...reading.problems, ...settingsProblems(settings)],
    };
  }
}
