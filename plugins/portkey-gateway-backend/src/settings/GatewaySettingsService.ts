import { NamespaceTarget } from '../status/GatewayStatusService';

/** Reads a gateway's settings as it runs, with Secret references instead of values. */
export class GatewaySettingsService {
  async readSettings(
    _target: NamespaceTarget & { release: string },
  ): Promise<unknown> {
    throw new Error('not implemented yet');
  }
}
